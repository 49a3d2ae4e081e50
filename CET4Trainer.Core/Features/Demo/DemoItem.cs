using CET4Trainer.Core.Features.Items;

namespace CET4Trainer.Core.Features.Demo;

// A bundled item as the simulation needs it: the answer key, the letters a wrong answer can take,
// and for writing and translation the task and the model answer.
public sealed record DemoItem(
    int Id,
    ItemType Type,
    int Difficulty,
    IReadOnlyList<DemoQuestion> Questions,
    IReadOnlyList<string> Choices,
    string Passage,
    string Reference,
    int MinWords,
    int MaxWords)
{
    public bool IsEssay => ItemTypes.IsConstructedResponse(Type);

    public static DemoItem From(Item item)
    {
        IReadOnlyList<string> choices = item.Type switch
        {
            ItemType.BankedCloze => Letters(item.Content.WordBank.Count),
            ItemType.LongReadingMatching => item.Content.Paragraphs.Select(p => p.Letter).ToList(),
            _ => Letters(item.Questions.Select(q => q.Options.Count).DefaultIfEmpty(4).Max()),
        };
        var questions = item.Questions.OrderBy(q => q.Number).Select(q => new DemoQuestion(q.Id, q.Number, q.Stem, q.Answer)).ToList();
        return new DemoItem(item.Id, item.Type, item.Difficulty, questions, choices, item.Content.Passage, item.Content.Reference ?? "",
            item.Content.MinWords ?? 120, item.Content.MaxWords ?? 180);
    }

    private static List<string> Letters(int count) => Enumerable.Range(0, Math.Max(2, count)).Select(i => ((char)('A' + i)).ToString()).ToList();
}

public sealed record DemoQuestion(int Id, int Number, string Stem, string Answer);
