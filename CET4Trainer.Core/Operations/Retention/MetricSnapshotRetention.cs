using CET4Trainer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Operations.Retention;

// Metric history past its age; snapshots are keyed by Unix seconds, so the cutoff is converted once.
public sealed class MetricSnapshotRetention(IDbContextFactory<AppDbContext> contexts) : IRetentionTarget
{
    public string Name => "指标快照";

    public TimeSpan KeepFor(RetentionOptions options) => TimeSpan.FromDays(options.MetricSnapshotDays);

    public async Task<int> DeleteOlderThanAsync(DateTime cutoffUtc, int batchSize, CancellationToken cancellationToken)
    {
        var cutoff = new DateTimeOffset(DateTime.SpecifyKind(cutoffUtc, DateTimeKind.Utc)).ToUnixTimeSeconds();
        var deleted = 0;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var batch = db.MetricSnapshots.Where(s => s.AtUnix < cutoff).OrderBy(s => s.Id).Select(s => s.Id).Take(batchSize);
            var count = await db.MetricSnapshots.Where(s => batch.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
            deleted += count;
            if (count < batchSize) return deleted;
        }
    }
}
