using System.Collections.Concurrent;
using CET4Trainer.Core.Features.AiTasks;

namespace CET4Trainer.Web.Components.Features.AiTasks;

// The task rows a page shows, kept current from the hub between loads. Progress is applied in place
// (no database read per unit); a task the page does not have yet, or a row whose new status leaves the
// filter, makes the page read its list again. Offer runs on the publisher's thread, Apply on the page's.
public sealed class LiveTaskRows
{
    private readonly ConcurrentDictionary<Guid, AiTaskSnapshot> incoming = new();

    public List<AiTaskRow> Rows { get; private set; } = [];

    public void Load(IEnumerable<AiTaskRow> rows) => Rows = rows.ToList();

    public void Offer(AiTaskSnapshot snapshot) => incoming.AddOrUpdate(snapshot.Id, snapshot, (_, held) => Newer(snapshot, held) ? snapshot : held);

    // belongs: the row still matches the page's filter; fits: an unknown task would appear on this page.
    // Returns true when the page should reload.
    public bool Apply(Func<AiTaskSnapshot, bool> belongs, Func<AiTaskSnapshot, bool> fits)
    {
        var reload = false;
        foreach (var id in incoming.Keys)
        {
            if (!incoming.TryRemove(id, out var snapshot)) continue;
            var index = Rows.FindIndex(r => r.Task.Id == id);
            if (index < 0)
            {
                reload |= belongs(snapshot) && fits(snapshot);
                continue;
            }
            var held = Rows[index].Task;
            if (!Newer(snapshot, held)) continue;
            Rows[index] = Rows[index] with { Task = snapshot };
            reload |= snapshot.Status != held.Status && !belongs(snapshot);
        }
        return reload;
    }

    private static bool Newer(AiTaskSnapshot candidate, AiTaskSnapshot held) => candidate.UpdatedUtc >= held.UpdatedUtc || candidate.IsFinal;
}
