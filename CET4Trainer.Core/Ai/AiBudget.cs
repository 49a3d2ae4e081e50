using CET4Trainer.Core.Ai.Recording;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Core.Ai;

// A teacher's daily AI spending, summed from the call records of the local day (Locale:TimeZone).
public sealed class AiBudget(IDbContextFactory<AppDbContext> contexts, LocalClock local, IOptionsMonitor<AiOptions> options)
{
    public decimal DailyLimit => options.CurrentValue.Limits.DailyCostBudgetPerTeacher;

    public async Task<decimal> SpentTodayAsync(string userId, CancellationToken cancellationToken = default)
    {
        var since = local.StartOfTodayUtc();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Summed on the client: SQLite cannot sum decimals in SQL.
        var costs = await db.AiCalls.Where(c => c.UserId == userId && c.AtUtc >= since && c.Cost > 0).Select(c => c.Cost).ToListAsync(cancellationToken);
        return costs.Sum();
    }

    // Null when the user may spend more today; otherwise the message to show.
    public async Task<string?> RefusalAsync(string userId, CancellationToken cancellationToken = default)
    {
        var limit = DailyLimit;
        if (limit <= 0) return null;
        var spent = await SpentTodayAsync(userId, cancellationToken);
        return spent >= limit ? $"今天的 AI 费用已达上限（{spent:0.####} / {limit:0.####}），明天再试，或请管理员调高 Ai:Limits:DailyCostBudgetPerTeacher。" : null;
    }
}
