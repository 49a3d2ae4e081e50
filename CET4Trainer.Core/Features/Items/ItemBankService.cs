using CET4Trainer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.Items;

public sealed record SaveResult(int? Id, IReadOnlyList<ShapeError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

public sealed record BulkResult(int Changed, int Skipped);

// The teacher's question bank: what a viewer may see and change, always decided here, never in a page.
public sealed class ItemBankService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock, IEnumerable<IItemChangeListener>? listeners = null)
{
    public async Task<ItemPage> QueryAsync(ItemQuery query, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var items = Filter(Visible(db.Items.AsNoTracking(), viewer), query, viewer);
        var total = await items.CountAsync(cancellationToken);
        var size = Math.Clamp(query.PageSize, 1, 200);
        // Pick the page's ids from the indexes first, then read only those rows: sorting whole rows
        // of a large filtered set was the slow part at 20,000 items.
        var pageIds = Sort(items, query.Sort).Skip(Math.Max(query.Page, 0) * size).Take(size).Select(i => i.Id);
        var rows = await Sort(db.Items.AsNoTracking().Where(i => pageIds.Contains(i.Id)), query.Sort)
            .Select(i => new ItemRow(i.Id, i.Title, i.Type, i.Section, i.Difficulty, i.Status, i.Source, i.SourceModel,
                i.OwnerId == viewer.UserId, viewer.IsAdmin || i.OwnerId == viewer.UserId, i.Questions.Count, i.Version, i.UpdatedUtc))
            .ToListAsync(cancellationToken);
        return new ItemPage(rows, total);
    }

    public async Task<IReadOnlyList<string>> TagsAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visible = Visible(db.Items.AsNoTracking(), viewer).Select(i => i.Id);
        return await db.ItemTags.AsNoTracking().Where(t => visible.Contains(t.ItemId)).Select(t => t.Tag).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
    }

    public async Task<(ItemDraft Draft, Item Meta)?> GetAsync(int id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var item = await db.Items.AsNoTracking().AsSplitQuery().Include(i => i.Questions).Include(i => i.Tags)
            .FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        return item is null || !viewer.CanSee(item) ? null : (ItemMapper.ToDraft(item), item);
    }

    public async Task<SaveResult> CreateAsync(ItemDraft draft, Viewer viewer, ItemSource source = ItemSource.Teacher,
        ItemStatus status = ItemStatus.Draft, CancellationToken cancellationToken = default)
    {
        var errors = ItemShapeRules.Validate(draft);
        if (errors.Count > 0) return new SaveResult(null, errors);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        draft.Key = null;
        var item = ItemMapper.ToNewItem(draft, source, status, viewer.UserId);
        item.CreatedUtc = item.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        db.Items.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return new SaveResult(item.Id, []);
    }

    // Saves an edit as a new version. Teachers change only their own items.
    public async Task<SaveResult> UpdateAsync(int id, ItemDraft draft, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var item = await db.Items.Include(i => i.Questions).Include(i => i.Tags).AsSplitQuery().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null || !viewer.CanSee(item)) return new SaveResult(null, [new("id", "题目不存在。")]);
        if (!viewer.CanEdit(item)) return new SaveResult(null, [new("id", "内置题目只能由管理员修改；可以复制一份到“我的题目”再修改。")]);
        if (draft.Type != item.Type) return new SaveResult(null, [new("type", "不能修改已有题目的题型。")]);
        var errors = ItemShapeRules.Validate(draft);
        if (errors.Count > 0) return new SaveResult(null, errors);

        // Questions are replaced whole: their ids change, which is right for a new version of the content.
        db.Questions.RemoveRange(item.Questions);
        db.ItemTags.RemoveRange(item.Tags);
        ItemMapper.Apply(draft, item);
        item.Version++;
        item.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        foreach (var listener in listeners ?? []) listener.ItemChanged(item.Id);
        return new SaveResult(item.Id, []);
    }

    public async Task<BulkResult> SetStatusAsync(IReadOnlyCollection<int> ids, ItemStatus status, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var editable = Editable(db.Items, viewer).Where(i => ids.Contains(i.Id));
        var changed = await editable.ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, status)
            .SetProperty(i => i.UpdatedUtc, clock.GetUtcNow().UtcDateTime), cancellationToken);
        return new BulkResult(changed, ids.Count - changed);
    }

    public async Task<BulkResult> AddTagAsync(IReadOnlyCollection<int> ids, string tag, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var normalized = ItemMapper.NormalizeTopics([tag]).SingleOrDefault();
        if (normalized is null || normalized.Length > 30) return new BulkResult(0, ids.Count);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var editable = await Editable(db.Items, viewer).Where(i => ids.Contains(i.Id)).Select(i => i.Id).ToListAsync(cancellationToken);
        var tagged = await db.ItemTags.Where(t => editable.Contains(t.ItemId) && t.Tag == normalized).Select(t => t.ItemId).ToListAsync(cancellationToken);
        db.ItemTags.AddRange(editable.Except(tagged).Select(id => new ItemTag { ItemId = id, Tag = normalized }));
        await db.SaveChangesAsync(cancellationToken);
        return new BulkResult(editable.Count, ids.Count - editable.Count);
    }

    public async Task<IReadOnlyList<ItemDraft>> ExportAsync(ItemQuery query, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var items = await Sort(Filter(Visible(db.Items.AsNoTracking(), viewer), query, viewer), query.Sort)
            .Include(i => i.Questions).Include(i => i.Tags).AsSplitQuery().ToListAsync(cancellationToken);
        return items.Select(i => ItemMapper.ToDraft(i, includeProvenance: true)).ToList();
    }

    private static IQueryable<Item> Visible(IQueryable<Item> items, Viewer viewer) =>
        viewer.IsAdmin ? items : items.Where(i => i.OwnerId == null || i.OwnerId == viewer.UserId);

    private static IQueryable<Item> Editable(IQueryable<Item> items, Viewer viewer) =>
        viewer.IsAdmin ? items : items.Where(i => i.OwnerId == viewer.UserId);

    private static IQueryable<Item> Filter(IQueryable<Item> items, ItemQuery q, Viewer viewer)
    {
        if (q.MineOnly) items = items.Where(i => i.OwnerId == viewer.UserId);
        if (q.GeneratedOnly) items = items.Where(i => i.Source == ItemSource.OfflineGenerator || i.Source == ItemSource.Ai);
        if (q.Section is { } section) items = items.Where(i => i.Section == section);
        if (q.Type is { } type) items = items.Where(i => i.Type == type);
        if (q.Difficulty is { } difficulty) items = items.Where(i => i.Difficulty == difficulty);
        if (q.Status is { } status) items = items.Where(i => i.Status == status);
        if (q.Source is { } source) items = items.Where(i => i.Source == source);
        if (!string.IsNullOrWhiteSpace(q.Tag))
        {
            var tag = q.Tag.Trim().ToLowerInvariant();
            items = items.Where(i => i.Tags.Any(t => t.Tag == tag));
        }
        if (!string.IsNullOrWhiteSpace(q.Text))
        {
            var text = q.Text.Trim().ToLowerInvariant();
            items = items.Where(i => i.SearchText.Contains(text));
        }
        return items;
    }

    private static IQueryable<Item> Sort(IQueryable<Item> items, ItemSort sort) => sort switch
    {
        ItemSort.UpdatedAsc => items.OrderBy(i => i.UpdatedUtc).ThenBy(i => i.Id),
        ItemSort.TitleAsc => items.OrderBy(i => i.Title).ThenBy(i => i.Id),
        ItemSort.DifficultyAsc => items.OrderBy(i => i.Difficulty).ThenByDescending(i => i.UpdatedUtc),
        ItemSort.DifficultyDesc => items.OrderByDescending(i => i.Difficulty).ThenByDescending(i => i.UpdatedUtc),
        ItemSort.TypeAsc => items.OrderBy(i => i.Type).ThenByDescending(i => i.UpdatedUtc),
        _ => items.OrderByDescending(i => i.UpdatedUtc).ThenByDescending(i => i.Id),
    };
}
