using CET4Trainer.Core.Features.Items;

namespace CET4Trainer.Tests.TestSupport;

// A valid draft of every type, built in code, for tests to break one rule at a time.
public static class SampleItems
{
    private const string Zh = "解析：答案见原文。";

    public static ItemDraft Valid(ItemType type) => type switch
    {
        ItemType.BankedCloze => BankedCloze(),
        ItemType.LongReadingMatching => LongReading(),
        ItemType.CarefulReading => WithChoices(type, 5, passage: Sentences(320)),
        ItemType.ListeningNews => WithChoices(type, 2, passage: Sentences(150), stems: true),
        ItemType.ListeningConversation => WithChoices(type, 4, passage: "M: Hello.\nW: Hi there.", stems: true),
        ItemType.ListeningPassage => WithChoices(type, 3, passage: Sentences(250), stems: true),
        ItemType.Writing => Base(type) with { Passage = "Directions: write an essay on reading.", MinWords = 120, MaxWords = 180 },
        ItemType.Translation => Base(type) with { Passage = Chinese(150), Reference = Sentences(90) },
        ItemType.VocabSpelling => Base(type) with { Questions = [new() { Number = 1, Stem = "/əˈbændən/ 放弃", Answer = "abandon", Explanation = Zh }] },
        _ => WithChoices(type, 1, passage: "", stems: true),
    };

    public static string Chinese(int length) => string.Concat(Enumerable.Repeat("中国的茶文化历史悠久。", 20))[..length];

    public static string Sentences(int words) =>
        string.Join(" ", Enumerable.Range(0, words).Select(i => i % 12 == 11 ? "day." : "word"));

    private static ItemDraft Base(ItemType type) => new()
    {
        Type = type,
        Title = $"Sample {type}",
        Topics = ["sample"],
        Difficulty = 3,
        Explanation = "本题考查细节理解。",
    };

    private static ItemDraft WithChoices(ItemType type, int count, string passage, bool stems = true) => Base(type) with
    {
        Passage = passage,
        Questions = Enumerable.Range(1, count).Select(n => new QuestionDraft
        {
            Number = n,
            Stem = stems ? $"Question {n}?" : "",
            Options = ["first", "second", "third", "fourth"],
            Answer = "ABCD"[n % 4].ToString(),
            Explanation = Zh,
        }).ToList(),
    };

    private static ItemDraft BankedCloze()
    {
        var passage = string.Join(" ", Enumerable.Range(1, 10).Select(n => $"Sentence number {n} has a blank {{{{{n}}}}} in it and more words here."));
        return Base(ItemType.BankedCloze) with
        {
            Passage = passage,
            WordBank = ["able", "brave", "calm", "dear", "eager", "fair", "glad", "happy", "ideal", "just", "keen", "loyal", "merry", "neat", "open"],
            Questions = Enumerable.Range(1, 10).Select(n => new QuestionDraft { Number = n, Answer = "ABCDEFGHIJ"[n - 1].ToString(), Explanation = Zh }).ToList(),
        };
    }

    private static ItemDraft LongReading() => Base(ItemType.LongReadingMatching) with
    {
        Paragraphs = "ABCDEFGH".Select(l => new ParagraphDraft { Letter = l.ToString(), Text = Sentences(110) }).ToList(),
        Questions = Enumerable.Range(1, 10).Select(n => new QuestionDraft { Number = n, Stem = $"Statement {n}.", Answer = "ABCDEFGH"[n % 8].ToString(), Explanation = Zh }).ToList(),
    };
}

internal static class DraftCopy
{
    // Drafts are mutable classes; `with` needs records, so tests clone through JSON.
    public static ItemDraft Clone(this ItemDraft draft) =>
        System.Text.Json.JsonSerializer.Deserialize<ItemDraft>(System.Text.Json.JsonSerializer.Serialize(draft, ItemPack.Json), ItemPack.Json)!;
}
