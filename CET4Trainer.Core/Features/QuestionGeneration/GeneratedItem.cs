using CET4Trainer.Core.Features.Items;

namespace CET4Trainer.Core.Features.QuestionGeneration;

// The JSON an engine returns for one item: an ItemDraft without the fields the request already fixes
// (type, key, provenance). Lists may arrive as null from a model, so every read tolerates that.
public sealed class GeneratedItem
{
    public string? Title { get; set; }
    public List<string>? Topics { get; set; }
    public int Difficulty { get; set; } = 3;
    public string? Explanation { get; set; }
    public string? Passage { get; set; }
    public List<ParagraphDraft>? Paragraphs { get; set; }
    public List<string>? WordBank { get; set; }
    public int? MinWords { get; set; }
    public int? MaxWords { get; set; }
    public string? Reference { get; set; }
    public List<QuestionDraft>? Questions { get; set; }

    // The draft to check and save: type and difficulty are the teacher's, the topic is always among the tags.
    public ItemDraft ToDraft(GenerateQuestionsInput input) => new()
    {
        Type = input.Type,
        Title = Title?.Trim() ?? "",
        Topics = ItemMapper.NormalizeTopics(new[] { input.Topic }.Concat(Topics ?? []))
            .Where(t => t.Length <= GenerationRequest.MaxTopicLength).Take(10).ToList(),
        Difficulty = input.Difficulty,
        Explanation = Explanation ?? "",
        Passage = Passage ?? "",
        Paragraphs = (Paragraphs ?? []).Select(p => new ParagraphDraft { Letter = p?.Letter ?? "", Text = p?.Text ?? "" }).ToList(),
        WordBank = (WordBank ?? []).Select(w => w ?? "").ToList(),
        MinWords = MinWords,
        MaxWords = MaxWords,
        Reference = Reference,
        Questions = (Questions ?? []).Select(q => new QuestionDraft
        {
            Number = q?.Number ?? 0,
            Stem = q?.Stem ?? "",
            Options = (q?.Options ?? []).Select(o => o ?? "").ToList(),
            Answer = q?.Answer ?? "",
            Explanation = q?.Explanation ?? "",
        }).ToList(),
    };

    public static GeneratedItem From(ItemDraft draft) => new()
    {
        Title = draft.Title,
        Topics = [.. draft.Topics],
        Difficulty = draft.Difficulty,
        Explanation = draft.Explanation,
        Passage = draft.Passage,
        Paragraphs = [.. draft.Paragraphs],
        WordBank = [.. draft.WordBank],
        MinWords = draft.MinWords,
        MaxWords = draft.MaxWords,
        Reference = draft.Reference,
        Questions = [.. draft.Questions],
    };
}

public static class DraftCheck
{
    // Null when the draft may be saved; otherwise why it is discarded, in the shape rules' own words.
    public static string? Problem(ItemDraft draft)
    {
        var errors = ItemShapeRules.Validate(draft);
        if (errors.Count == 0) return null;
        var shown = string.Join(" ", errors.Take(3).Select(e => e.Message));
        return $"未通过题型检查：{shown}{(errors.Count > 3 ? $"（另有 {errors.Count - 3} 处问题）" : "")}";
    }
}
