namespace CET4Trainer.Core.Features.Items;

// Converts between the draft shape (import, export, editor) and the stored entity.
public static class ItemMapper
{
    // Enough for titles, tags, the start of a passage and the stems; short enough to scan 20,000 rows quickly.
    public const int SearchTextLength = 800;

    public static Item ToNewItem(ItemDraft draft, ItemSource source, ItemStatus status, string? ownerId,
        string? provider = null, string? model = null)
    {
        var item = new Item
        {
            Title = draft.Title.Trim(),
            Key = string.IsNullOrWhiteSpace(draft.Key) ? null : draft.Key.Trim(),
            Source = source,
            SourceProvider = provider,
            SourceModel = model,
            Status = status,
            OwnerId = ownerId,
        };
        Apply(draft, item);
        return item;
    }

    // Copies the editable content of a draft onto an item, replacing its questions and tags.
    public static void Apply(ItemDraft draft, Item item)
    {
        item.Type = draft.Type;
        item.Section = ItemTypes.SectionOf(draft.Type);
        item.Title = draft.Title.Trim();
        item.Difficulty = draft.Difficulty;
        item.Explanation = draft.Explanation.Trim();
        item.Content = new ItemContent
        {
            Passage = draft.Passage.Trim(),
            Paragraphs = draft.Paragraphs.Select(p => new Paragraph(p.Letter.Trim().ToUpperInvariant(), p.Text.Trim())).ToList(),
            WordBank = draft.WordBank.Select(w => w.Trim()).ToList(),
            MinWords = draft.MinWords,
            MaxWords = draft.MaxWords,
            Reference = string.IsNullOrWhiteSpace(draft.Reference) ? null : draft.Reference.Trim(),
        };
        item.Questions = ItemTypes.IsConstructedResponse(draft.Type)
            ? [new Question { Number = 1 }]
            : draft.Questions.Select(q => new Question
            {
                Number = q.Number,
                Stem = q.Stem.Trim(),
                Options = q.Options.Select(o => o.Trim()).ToList(),
                Answer = draft.Type == ItemType.VocabSpelling ? q.Answer.Trim() : q.Answer.Trim().ToUpperInvariant(),
                Explanation = q.Explanation.Trim(),
            }).ToList();
        item.Tags = NormalizeTopics(draft.Topics).Select(t => new ItemTag { Tag = t }).ToList();
        item.SearchText = BuildSearchText(item);
    }

    public static ItemDraft ToDraft(Item item, bool includeProvenance = false) => new()
    {
        Key = item.Key,
        Type = item.Type,
        Title = item.Title,
        Topics = item.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal).ToList(),
        Difficulty = item.Difficulty,
        Explanation = item.Explanation,
        Passage = item.Content.Passage,
        Paragraphs = item.Content.Paragraphs.Select(p => new ParagraphDraft { Letter = p.Letter, Text = p.Text }).ToList(),
        WordBank = [.. item.Content.WordBank],
        MinWords = item.Content.MinWords,
        MaxWords = item.Content.MaxWords,
        Reference = item.Content.Reference,
        Questions = ItemTypes.IsConstructedResponse(item.Type)
            ? []
            : item.Questions.OrderBy(q => q.Number).Select(q => new QuestionDraft
            {
                Number = q.Number,
                Stem = q.Stem,
                Options = [.. q.Options],
                Answer = q.Answer,
                Explanation = q.Explanation,
            }).ToList(),
        Status = includeProvenance ? item.Status : null,
        Source = includeProvenance ? item.Source : null,
        SourceProvider = includeProvenance ? item.SourceProvider : null,
        SourceModel = includeProvenance ? item.SourceModel : null,
        Version = includeProvenance ? item.Version : null,
    };

    public static List<string> NormalizeTopics(IEnumerable<string> topics) =>
        topics.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct().ToList();

    private static string BuildSearchText(Item item)
    {
        var parts = new List<string> { item.Title };
        parts.AddRange(item.Tags.Select(t => t.Tag));
        parts.AddRange(item.Content.WordBank);
        parts.AddRange(item.Questions.Select(q => q.Stem.Length > 80 ? q.Stem[..80] : q.Stem));
        parts.Add(item.Content.Passage.Length > 300 ? item.Content.Passage[..300] : item.Content.Passage);
        parts.AddRange(item.Content.Paragraphs.Take(1).Select(p => p.Text.Length > 200 ? p.Text[..200] : p.Text));
        var text = string.Join(" ", parts.Where(p => !string.IsNullOrWhiteSpace(p))).ToLowerInvariant();
        return text.Length > SearchTextLength ? text[..SearchTextLength] : text;
    }
}
