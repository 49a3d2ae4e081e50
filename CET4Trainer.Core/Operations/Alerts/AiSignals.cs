using CET4Trainer.Core.Ai.Engine;
using CET4Trainer.Core.Ai.Recording;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.AiTasks;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Operations.Alerts;

// AI health as the rules see it: open circuits from the provider chain, the failure rate of recent
// engine calls, and how many durable tasks wait for a worker.
public sealed class AiSignals(AiProviderChain chain, IDbContextFactory<AppDbContext> dbs, TimeProvider clock) : IAlertSignalSource
{
    public static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(5);

    public IReadOnlyCollection<string> Signals { get; } =
        [AlertSignalNames.AiCircuitOpen, AlertSignalNames.AiFailureRate, AlertSignalNames.TaskQueueDepth];

    public async ValueTask<double?> ReadAsync(string signal, CancellationToken cancellationToken)
    {
        switch (signal)
        {
            case AlertSignalNames.AiCircuitOpen:
                return chain.Status().Count(p => p.Circuit == AiCircuitState.Open);
            case AlertSignalNames.TaskQueueDepth:
            {
                await using var db = await dbs.CreateDbContextAsync(cancellationToken);
                return await db.AiTasks.CountAsync(t => t.Status == AiTaskStatus.Queued, cancellationToken);
            }
            case AlertSignalNames.AiFailureRate:
                return await FailureRateAsync(cancellationToken);
            default:
                return null;
        }
    }

    // Cache hits cost nothing and cannot fail; cancellations and refusals (budget, rate limit) are the
    // user's, not the provider's. No calls in the window means unknown, not zero.
    private async Task<double?> FailureRateAsync(CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().UtcDateTime - FailureWindow;
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var outcomes = await db.AiCalls
            .Where(c => c.AtUtc >= since && !c.FromCache && c.Outcome != AiOutcome.Cancelled && c.Outcome != AiOutcome.Refused)
            .GroupBy(c => c.Outcome == AiOutcome.Success)
            .Select(g => new { Success = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var total = outcomes.Sum(o => o.Count);
        if (total == 0) return null;
        var failed = outcomes.Where(o => !o.Success).Sum(o => o.Count);
        return Math.Round(failed * 100d / total, 1);
    }
}
