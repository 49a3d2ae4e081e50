using CET4Trainer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Telemetry.Metrics;

public enum HistoryRange
{
    Hour,
    Day,
    Week,
}

// One point of a history chart: the bucket's averages, and its worst latency and queue so that a
// short spike stays visible after downsampling.
public sealed record MetricPoint(DateTime AtUtc, double RequestsPerSecond, double? LatencyP50Ms, double? LatencyP95Ms, double? LatencyP99Ms,
    double ErrorRate, double ActiveCircuits, double ActiveUsers, double CpuPercent, double WorkingSetMb, double GcHeapMb,
    double ThreadPoolQueueLength, double AnswersPerMinute, double AiCallsPerMinute, double TaskQueueDepth);

public sealed class MetricHistory(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    // Hour: every 15 s snapshot (240 points); day: 5-minute buckets (288); week: 30-minute buckets (336).
    public static (TimeSpan Span, int BucketSeconds) Shape(HistoryRange range) => range switch
    {
        HistoryRange.Hour => (TimeSpan.FromHours(1), 15),
        HistoryRange.Day => (TimeSpan.FromDays(1), 300),
        _ => (TimeSpan.FromDays(7), 1800),
    };

    public async Task SaveAsync(SystemSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.MetricSnapshots.Add(MetricSnapshot.From(snapshot));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<MetricPoint>> ReadAsync(HistoryRange range, CancellationToken cancellationToken = default)
    {
        var (span, bucket) = Shape(range);
        long size = bucket;
        var now = clock.GetUtcNow();
        var from = now.Add(-span).ToUnixTimeSeconds();
        var to = now.ToUnixTimeSeconds();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.MetricSnapshots.AsNoTracking()
            .Where(s => s.AtUnix >= from && s.AtUnix <= to)
            .GroupBy(s => s.AtUnix / size)
            .Select(g => new
            {
                g.Key,
                Rps = g.Average(s => s.RequestsPerSecond),
                P50 = g.Average(s => s.LatencyP50Ms),
                P95 = g.Max(s => s.LatencyP95Ms),
                P99 = g.Max(s => s.LatencyP99Ms),
                Errors = g.Average(s => s.ErrorRate),
                Circuits = g.Average(s => (double)s.ActiveCircuits),
                Users = g.Average(s => (double)s.ActiveUsers),
                Cpu = g.Average(s => s.CpuPercent),
                WorkingSet = g.Average(s => s.WorkingSetMb),
                Heap = g.Average(s => s.GcHeapMb),
                Queue = g.Max(s => s.ThreadPoolQueueLength),
                Answers = g.Average(s => s.AnswersPerMinute),
                Ai = g.Average(s => s.AiCallsPerMinute),
                Tasks = g.Max(s => s.TaskQueueDepth),
            })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Key)
            .Select(r => new MetricPoint(DateTime.UnixEpoch.AddSeconds(r.Key * size), r.Rps, r.P50, r.P95, r.P99, r.Errors, r.Circuits, r.Users, r.Cpu,
                r.WorkingSet, r.Heap, r.Queue, r.Answers, r.Ai, r.Tasks))
            .ToList();
    }
}
