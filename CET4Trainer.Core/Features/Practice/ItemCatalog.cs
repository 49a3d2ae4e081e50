using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Items;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CET4Trainer.Core.Features.Practice;

public sealed record ItemView(int Id, int Version, ItemType Type, ItemDraft Draft, IReadOnlyList<int> QuestionIds)
{
    public int QuestionId(int number) => QuestionIds[number - 1];
}

// Items as practice needs them (content, answer keys, question ids), cached in memory: the answer
// path grades from here instead of reading the item again.
public sealed class ItemCatalog(IDbContextFactory<AppDbContext> contexts, IMemoryCache cache) : IItemChangeListener
{
    private static readonly MemoryCacheEntryOptions Keep = new() { SlidingExpiration = TimeSpan.FromMinutes(20), Size = 1 };

    public async Task<IReadOnlyDictionary<int, ItemView>> GetAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<int, ItemView>();
        var missing = new List<int>();
        foreach (var id in ids.Distinct())
        {
            if (cache.TryGetValue(Key(id), out ItemView? view) && view is not null) found[id] = view;
            else missing.Add(id);
        }
        if (missing.Count > 0)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var items = await db.Items.AsNoTracking().Where(i => missing.Contains(i.Id))
                .Include(i => i.Questions).Include(i => i.Tags).AsSplitQuery().ToListAsync(cancellationToken);
            foreach (var item in items)
            {
                var view = new ItemView(item.Id, item.Version, item.Type, ItemMapper.ToDraft(item),
                    item.Questions.OrderBy(q => q.Number).Select(q => q.Id).ToList());
                cache.Set(Key(item.Id), view, Keep);
                found[item.Id] = view;
            }
        }
        return found;
    }

    // Called when an item changes, so practice never grades against an old answer key.
    public void ItemChanged(int itemId) => cache.Remove(Key(itemId));

    private static string Key(int id) => $"practice-item:{id}";
}
