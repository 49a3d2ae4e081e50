namespace CET4Trainer.Core.Features.Items;

// One bankable unit: a single question or a group sharing a passage or transcript.
public sealed class Item
{
    public int Id { get; set; }

    // Stable id of bundled content, so seeding is idempotent; null for everything else.
    public string? Key { get; set; }

    public ItemType Type { get; set; }
    public Section Section { get; set; }
    public required string Title { get; set; }
    public int Difficulty { get; set; } = 3;
    public ItemSource Source { get; set; }
    public string? SourceProvider { get; set; }
    public string? SourceModel { get; set; }
    public ItemStatus Status { get; set; }

    // The teacher who made it; null for bundled and generated content shared by everyone.
    public string? OwnerId { get; set; }

    public int Version { get; set; } = 1;

    // Chinese explanation of the whole item (main idea, what it trains, key points).
    public string Explanation { get; set; } = "";

    public ItemContent Content { get; set; } = new();

    // Lower-cased title, tags, passage start and stems, for the question bank's text search.
    public string SearchText { get; set; } = "";

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;
    public DateTime UpdatedUtc { get; set; } = DateTime.UtcNow;

    public List<Question> Questions { get; set; } = [];
    public List<ItemTag> Tags { get; set; } = [];
}

// Type-specific content; stored as one JSON column because its shape depends on the type.
public sealed class ItemContent
{
    public string Passage { get; set; } = "";
    public List<Paragraph> Paragraphs { get; set; } = [];
    public List<string> WordBank { get; set; } = [];
    public int? MinWords { get; set; }
    public int? MaxWords { get; set; }
    public string? Reference { get; set; }
}

public sealed record Paragraph(string Letter, string Text);

public sealed class ItemTag
{
    public int ItemId { get; set; }
    public required string Tag { get; set; }
}
