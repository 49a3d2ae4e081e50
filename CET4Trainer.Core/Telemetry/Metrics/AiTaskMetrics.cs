using System.Diagnostics.Metrics;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.AiTasks;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Telemetry.Metrics;

// AI tasks by state. Observable callbacks must not wait on a database, so the gauge reports the
// counts of the last refresh, which the snapshot job makes every interval.
public sealed class AiTaskMetrics
{
    public const string MeterName = "CET4Trainer.AiTasks";
    public const string InstrumentName = "cet4.ai.tasks";

    private readonly IDbContextFactory<AppDbContext> contexts;
    private volatile IReadOnlyDictionary<AiTaskStatus, int> counts = Enum.GetValues<AiTaskStatus>().ToDictionary(s => s, _ => 0);

    public AiTaskMetrics(IMeterFactory meters, IDbContextFactory<AppDbContext> contexts)
    {
        this.contexts = contexts;
        meters.Create(MeterName).CreateObservableGauge(InstrumentName, Observe, "{task}", "AI tasks by state at the last refresh");
    }

    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.AiTasks.GroupBy(t => t.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        counts = Enum.GetValues<AiTaskStatus>().ToDictionary(s => s, s => found.FirstOrDefault(f => f.Status == s)?.Count ?? 0);
    }

    private IEnumerable<Measurement<int>> Observe() =>
        counts.Select(c => new Measurement<int>(c.Value, new KeyValuePair<string, object?>("status", c.Key.ToString())));
}
