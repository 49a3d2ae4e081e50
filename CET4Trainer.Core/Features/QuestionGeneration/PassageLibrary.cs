using System.Text.RegularExpressions;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Items;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.QuestionGeneration;

// English passages the offline engine can turn into banked cloze: the text of reference items, and the
// bundled items' passages, matched to a topic by their tags, titles and words.
public sealed partial class PassageLibrary(IDbContextFactory<AppDbContext> contexts)
{
    private static readonly ItemType[] WithPassages = [ItemType.BankedCloze, ItemType.CarefulReading, ItemType.ListeningNews, ItemType.ListeningPassage];

    // Chinese topics teachers type, mapped to the English tags and words the bundled content uses.
    private static readonly Dictionary<string, string[]> ChineseTopics = new()
    {
        ["教育"] = ["education"], ["学习"] = ["education", "learning"], ["校园"] = ["campus"], ["大学"] = ["campus", "university"],
        ["健康"] = ["health"], ["运动"] = ["health", "exercise"], ["睡眠"] = ["sleep"], ["科技"] = ["technology"], ["技术"] = ["technology"],
        ["科学"] = ["science"], ["环境"] = ["environment"], ["环保"] = ["environment"], ["社会"] = ["society"], ["文化"] = ["culture"],
        ["经济"] = ["economy"], ["消费"] = ["economy", "money"], ["工作"] = ["work"], ["职业"] = ["careers", "work"], ["就业"] = ["careers", "work"],
        ["旅行"] = ["travel"], ["旅游"] = ["travel"], ["交通"] = ["travel"], ["历史"] = ["history"], ["动物"] = ["animals"], ["自然"] = ["nature"],
        ["心理"] = ["psychology"], ["城市"] = ["city"], ["家庭"] = ["family"], ["艺术"] = ["art"], ["阅读"] = ["reading"], ["记忆"] = ["memory"],
    };

    public static bool Fits(string text) => TextMeasures.EnglishWords(text) is >= 120 and <= 600;

    // An item's running English text, or null when it has none a cloze could be made from.
    public static string? SourceText(ItemDraft item)
    {
        switch (item.Type)
        {
            case ItemType.BankedCloze:
                // Put the answers back into the blanks to get the original text.
                return ItemShapeRules.Blank().Replace(item.Passage, m =>
                {
                    var number = int.Parse(m.Groups[1].Value);
                    var answer = item.Questions.FirstOrDefault(q => q.Number == number)?.Answer.Trim().ToUpperInvariant() ?? "";
                    var index = answer.Length == 1 ? answer[0] - 'A' : -1;
                    return index >= 0 && index < item.WordBank.Count ? item.WordBank[index] : m.Value;
                });
            case ItemType.CarefulReading or ItemType.ListeningNews or ItemType.ListeningPassage:
                return item.Passage;
            case ItemType.LongReadingMatching:
                // The whole text is too long for a cloze; its first paragraphs make one.
                var taken = new List<string>();
                foreach (var paragraph in item.Paragraphs)
                {
                    taken.Add(paragraph.Text);
                    if (TextMeasures.EnglishWords(string.Join(" ", taken)) >= 250) break;
                }
                return string.Join("\n", taken);
            default:
                return null;
        }
    }

    public async Task<IReadOnlyList<string>> ForTopicAsync(string topic, CancellationToken cancellationToken = default)
    {
        var keys = Keywords(topic);
        if (keys.Count == 0) return [];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var items = await db.Items.AsNoTracking().AsSplitQuery().Include(i => i.Questions).Include(i => i.Tags)
            .Where(i => i.Source == ItemSource.Bundled && i.Status == ItemStatus.Published && WithPassages.Contains(i.Type))
            .OrderBy(i => i.Id).ToListAsync(cancellationToken);
        return items
            .Select(i => (Text: SourceText(ItemMapper.ToDraft(i)), Score: Score(i, keys)))
            .Where(x => x.Score > 0 && x.Text is not null && Fits(x.Text))
            .OrderByDescending(x => x.Score)
            .Select(x => x.Text!)
            .ToList();
    }

    public static IReadOnlyList<string> Keywords(string topic)
    {
        var keys = EnglishWord().Matches(topic.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length >= 3).ToList();
        foreach (var (chinese, english) in ChineseTopics)
        {
            if (topic.Contains(chinese, StringComparison.Ordinal)) keys.AddRange(english);
        }
        return keys.Distinct().ToList();
    }

    private static int Score(Item item, IReadOnlyList<string> keys)
    {
        var score = 0;
        var words = TextMeasures.Words(item.Content.Passage).Select(w => w.ToLowerInvariant()).ToList();
        foreach (var key in keys)
        {
            if (item.Tags.Any(t => t.Tag.Contains(key, StringComparison.Ordinal) || key.Contains(t.Tag, StringComparison.Ordinal))) score += 3;
            if (item.Title.Contains(key, StringComparison.OrdinalIgnoreCase)) score += 2;
            score += Math.Min(3, words.Count(w => w.StartsWith(key, StringComparison.Ordinal)));
        }
        return score;
    }

    [GeneratedRegex("[a-z]+")]
    private static partial Regex EnglishWord();
}
