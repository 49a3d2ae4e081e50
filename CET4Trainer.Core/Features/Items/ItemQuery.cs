namespace CET4Trainer.Core.Features.Items;

public enum ItemSort
{
    UpdatedDesc,
    UpdatedAsc,
    TitleAsc,
    DifficultyAsc,
    DifficultyDesc,
    TypeAsc,
}

// The question bank's filters; every one is optional.
public sealed record ItemQuery
{
    public Section? Section { get; init; }
    public ItemType? Type { get; init; }
    public string? Tag { get; init; }
    public int? Difficulty { get; init; }
    public ItemStatus? Status { get; init; }
    public ItemSource? Source { get; init; }
    public string? Text { get; init; }
    public bool MineOnly { get; init; }

    // The review queue: items made by the offline generators or an AI provider.
    public bool GeneratedOnly { get; init; }
    public ItemSort Sort { get; init; } = ItemSort.UpdatedDesc;
    public int Page { get; init; }
    public int PageSize { get; init; } = 25;
}

public sealed record ItemRow(int Id, string Title, ItemType Type, Section Section, int Difficulty, ItemStatus Status,
    ItemSource Source, string? SourceModel, bool Mine, bool Editable, int QuestionCount, int Version, DateTime UpdatedUtc);

public sealed record ItemPage(IReadOnlyList<ItemRow> Rows, int Total);
