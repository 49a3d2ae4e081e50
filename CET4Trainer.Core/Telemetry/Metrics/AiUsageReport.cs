using CET4Trainer.Core.Ai.Recording;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Telemetry.Metrics;

public sealed record AiUsageRow(DateOnly Day, string Engine, string? Model, int Calls, int Successes, int P50Ms, int P95Ms,
    long InputTokens, long OutputTokens, decimal Cost, int FromCache)
{
    public double SuccessRate => Calls == 0 ? 0 : (double)Successes / Calls;
}

// AI calls by local day, engine and model over the last days, from the call records (which hold no
// key, prompt or user name). Percentiles are exact here: the rows are all at hand.
public sealed class AiUsageReport(IDbContextFactory<AppDbContext> contexts, LocalClock local)
{
    public async Task<IReadOnlyList<AiUsageRow>> ReadAsync(int days = 7, CancellationToken cancellationToken = default)
    {
        var since = local.ToUtc(local.Today().AddDays(1 - days).ToDateTime(TimeOnly.MinValue));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var calls = await db.AiCalls.AsNoTracking().Where(c => c.AtUtc >= since)
            .Select(c => new { c.AtUtc, c.Engine, c.Model, c.Outcome, c.LatencyMs, c.InputTokens, c.OutputTokens, c.Cost, c.FromCache })
            .ToListAsync(cancellationToken);
        return calls
            .GroupBy(c => (Day: DateOnly.FromDateTime(local.ToLocal(c.AtUtc)), c.Engine, c.Model))
            .Select(g =>
            {
                var latencies = g.Select(c => c.LatencyMs).Order().ToArray();
                return new AiUsageRow(g.Key.Day, g.Key.Engine, g.Key.Model, latencies.Length, g.Count(c => c.Outcome == AiOutcome.Success),
                    NearestRank(latencies, 0.50), NearestRank(latencies, 0.95),
                    g.Sum(c => (long)c.InputTokens), g.Sum(c => (long)c.OutputTokens), g.Sum(c => c.Cost), g.Count(c => c.FromCache));
            })
            .OrderByDescending(r => r.Day).ThenByDescending(r => r.Calls).ThenBy(r => r.Engine, StringComparer.Ordinal)
            .ToList();
    }

    private static int NearestRank(int[] sorted, double q) => sorted.Length == 0 ? 0 : sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
