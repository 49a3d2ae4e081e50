using CET4Trainer.Core.Data;
using CET4Trainer.Core.Data.Seeding;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Operations.Alerts;

// The rules a new installation starts with. A rule is added once, when its signal has none; edits by
// an admin are never overwritten.
public static class AlertDefaults
{
    public static IReadOnlyList<AlertRule> Rules() =>
    [
        Rule(AlertSignalNames.LatencyP95Ms, AlertComparison.Above, 1000, 3000, 120),
        Rule(AlertSignalNames.ErrorRate, AlertComparison.Above, 5, 20, 120),
        Rule(AlertSignalNames.CpuPercent, AlertComparison.Above, 85, 95, 300),
        Rule(AlertSignalNames.MemoryMb, AlertComparison.Above, 1536, 3072, 300),
        Rule(AlertSignalNames.DiskFreePercent, AlertComparison.Below, 15, 5, 60),
        Rule(AlertSignalNames.AiFailureRate, AlertComparison.Above, 20, 50, 300),
        Rule(AlertSignalNames.AiCircuitOpen, AlertComparison.Above, 1, null, 60),
        Rule(AlertSignalNames.TaskQueueDepth, AlertComparison.Above, 50, 200, 300),
        Rule(AlertSignalNames.JobFailures, AlertComparison.Above, 1, 5, 0),
    ];

    private static AlertRule Rule(string signal, AlertComparison comparison, double? warning, double? critical, int forSeconds) => new()
    {
        Signal = signal,
        Comparison = comparison,
        WarningThreshold = warning,
        CriticalThreshold = critical,
        ForSeconds = forSeconds,
        Enabled = true,
    };
}

internal sealed class AlertRuleSeeder(IDbContextFactory<AppDbContext> dbs, TimeProvider clock) : ISeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var existing = (await db.AlertRules.Select(r => r.Signal).ToListAsync(cancellationToken)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var rule in AlertDefaults.Rules().Where(r => !existing.Contains(r.Signal)))
        {
            rule.UpdatedUtc = now;
            db.AlertRules.Add(rule);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
