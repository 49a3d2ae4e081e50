using CET4Trainer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.Items;

public sealed record PaperPart(string Name, int Minutes, IReadOnlyList<int> ItemIds);

public sealed record Paper(IReadOnlyList<PaperPart> Parts, int QuestionCount);

// Assembles a complete 57-item paper in the exam's shape from published items:
// writing; listening 2+2+3, 4+4, 3+3+4; banked cloze, long reading, 2 x careful reading; translation.
public sealed class PaperAssembler(IDbContextFactory<AppDbContext> contexts)
{
    public const int QuestionsInPaper = 57;

    private sealed record Candidate(int Id, ItemType Type, int Questions);

    // Items in `exclude` are not used, so several papers can be drawn without repeats.
    public async Task<Paper?> AssembleAsync(int seed, IReadOnlySet<int>? exclude = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pool = await db.Items.AsNoTracking().Where(i => i.Status == ItemStatus.Published && i.Section != Section.Vocabulary)
            .Select(i => new Candidate(i.Id, i.Type, i.Questions.Count)).ToListAsync(cancellationToken);
        var random = new Random(seed);
        pool = pool.Where(c => exclude is null || !exclude.Contains(c.Id)).OrderBy(c => c.Id).OrderBy(_ => random.Next()).ToList();

        List<int>? Take(ItemType type, params int[] questionCounts)
        {
            var picked = new List<int>();
            foreach (var count in questionCounts)
            {
                var c = pool.FirstOrDefault(p => p.Type == type && p.Questions == count && !picked.Contains(p.Id));
                if (c is null) return null;
                picked.Add(c.Id);
            }
            return picked;
        }

        var writing = Take(ItemType.Writing, 1);
        var news = Take(ItemType.ListeningNews, 2, 2, 3);
        var conversations = Take(ItemType.ListeningConversation, 4, 4);
        var passages = Take(ItemType.ListeningPassage, 3, 3, 4);
        var cloze = Take(ItemType.BankedCloze, 10);
        var matching = Take(ItemType.LongReadingMatching, 10);
        var careful = Take(ItemType.CarefulReading, 5, 5);
        var translation = Take(ItemType.Translation, 1);
        if (writing is null || news is null || conversations is null || passages is null || cloze is null || matching is null || careful is null || translation is null)
        {
            return null;
        }
        var parts = new List<PaperPart>
        {
            new("Part I Writing", 30, writing),
            new("Part II Listening Comprehension", 25, [.. news, .. conversations, .. passages]),
            new("Part III Reading Comprehension", 40, [.. cloze, .. matching, .. careful]),
            new("Part IV Translation", 30, translation),
        };
        var questions = parts.SelectMany(p => p.ItemIds).Sum(id => pool.First(c => c.Id == id).Questions);
        return new Paper(parts, questions);
    }
}
