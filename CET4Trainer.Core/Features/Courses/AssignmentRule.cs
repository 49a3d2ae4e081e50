using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Items;

namespace CET4Trainer.Core.Features.Courses;

// Which items a rule assignment draws from: every filter left empty matches everything.
public sealed record AssignmentRule(Section? Section, ItemType? Type, string? Tag, int MinDifficulty, int MaxDifficulty, int Count)
{
    public const int MaxCount = 50;

    public string? Problem()
    {
        if (Count is < 1 or > MaxCount) return $"抽题数量需在 1-{MaxCount} 组之间。";
        if (MinDifficulty is < 1 or > 5 || MaxDifficulty is < 1 or > 5) return "难度需在 1-5 之间。";
        if (MinDifficulty > MaxDifficulty) return "最低难度不能高于最高难度。";
        if (Type is { } type && Section is { } section && ItemTypes.SectionOf(type) != section)
            return $"题型“{ItemTypes.ChineseName(type)}”不属于“{ItemTypes.ChineseName(section)}”部分。";
        if (Tag is { Length: > 50 }) return "标签不超过 50 个字符。";
        return null;
    }

    public AssignmentRule Normalized() => this with { Tag = string.IsNullOrWhiteSpace(Tag) ? null : Tag.Trim().ToLowerInvariant() };

    // Published items shared with everyone or owned by the course's teacher, matching every filter.
    public IQueryable<Item> Matching(AppDbContext db, string teacherId)
    {
        var rule = Normalized();
        var items = db.Items.Where(i => i.Status == ItemStatus.Published && (i.OwnerId == null || i.OwnerId == teacherId)
            && i.Difficulty >= rule.MinDifficulty && i.Difficulty <= rule.MaxDifficulty);
        if (rule.Section is { } section) items = items.Where(i => i.Section == section);
        if (rule.Type is { } type) items = items.Where(i => i.Type == type);
        if (rule.Tag is { } tag) items = items.Where(i => i.Tags.Any(t => t.Tag == tag));
        return items;
    }
}
