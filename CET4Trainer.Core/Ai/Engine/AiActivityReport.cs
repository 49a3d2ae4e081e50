using CET4Trainer.Core.Ai.Recording;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Ai.Engine;

public sealed record AiEngineDay(string Engine, int Calls, int Successes, int AverageLatencyMs, long InputTokens, long OutputTokens, decimal Cost)
{
    public double SuccessRate => Calls == 0 ? 0 : (double)Successes / Calls;
}

public sealed record AiRecentCall(DateTime AtUtc, string Operation, int PromptVersion, string Engine, string? Model, AiOutcome Outcome, int LatencyMs,
    int InputTokens, int OutputTokens, decimal Cost, int Retries, bool Streamed, string? Error);

public sealed record AiActivity(IReadOnlyList<AiProviderStatus> Providers, IReadOnlyList<AiEngineDay> Today, IReadOnlyList<AiRecentCall> Recent);

// What the admin AI page shows: each provider's circuit, today's figures per engine (local day) and
// the latest calls. Call records hold no key, prompt or user name, so all of it may be shown.
public sealed class AiActivityReport(IDbContextFactory<AppDbContext> contexts, AiProviderChain chain, LocalClock local)
{
    public async Task<AiActivity> ReadAsync(int recent = 50, CancellationToken cancellationToken = default)
    {
        var since = local.StartOfTodayUtc();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Summed on the client: SQLite cannot sum decimals in SQL; a day's rows are few enough.
        var today = await db.AiCalls.AsNoTracking().Where(c => c.AtUtc >= since)
            .Select(c => new { c.Engine, c.Outcome, c.LatencyMs, c.InputTokens, c.OutputTokens, c.Cost })
            .ToListAsync(cancellationToken);
        var days = today.GroupBy(c => c.Engine)
            .Select(g => new AiEngineDay(g.Key, g.Count(), g.Count(c => c.Outcome == AiOutcome.Success), (int)g.Average(c => c.LatencyMs),
                g.Sum(c => (long)c.InputTokens), g.Sum(c => (long)c.OutputTokens), g.Sum(c => c.Cost)))
            .OrderByDescending(d => d.Calls)
            .ToList();
        var latest = await db.AiCalls.AsNoTracking().OrderByDescending(c => c.Id).Take(recent)
            .Select(c => new AiRecentCall(c.AtUtc, c.Operation, c.PromptVersion, c.Engine, c.Model, c.Outcome, c.LatencyMs, c.InputTokens, c.OutputTokens,
                c.Cost, c.Retries, c.Streamed, c.Error))
            .ToListAsync(cancellationToken);
        return new AiActivity(chain.Status(), days, latest);
    }
}
