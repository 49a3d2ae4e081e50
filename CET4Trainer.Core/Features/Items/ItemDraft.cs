using System.Text.Json.Serialization;

namespace CET4Trainer.Core.Features.Items;

// An item as it enters or leaves the system: editor, JSON import/export, generators, AI drafts.
// Every draft passes ItemShapeRules before it becomes an Item.
public sealed record ItemDraft
{
    public string? Key { get; set; }
    public ItemType Type { get; set; }
    public string Title { get; set; } = "";
    public List<string> Topics { get; set; } = [];
    public int Difficulty { get; set; } = 3;
    public string Explanation { get; set; } = "";
    public string Passage { get; set; } = "";
    public List<ParagraphDraft> Paragraphs { get; set; } = [];
    public List<string> WordBank { get; set; } = [];
    public int? MinWords { get; set; }
    public int? MaxWords { get; set; }
    public string? Reference { get; set; }
    public List<QuestionDraft> Questions { get; set; } = [];

    // Set by export only; ignored on import (imports decide these themselves).
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ItemStatus? Status { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ItemSource? Source { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SourceProvider { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SourceModel { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Version { get; set; }
}

public sealed record ParagraphDraft
{
    public string Letter { get; set; } = "";
    public string Text { get; set; } = "";
}

public sealed record QuestionDraft
{
    public int Number { get; set; }
    public string Stem { get; set; } = "";
    public List<string> Options { get; set; } = [];
    public string Answer { get; set; } = "";
    public string Explanation { get; set; } = "";
}
