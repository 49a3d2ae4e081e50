using CET4Trainer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Operations.Retention;

public sealed class AiCallRetention(IDbContextFactory<AppDbContext> contexts) : IRetentionTarget
{
    public string Name => "AI 调用记录";

    public TimeSpan KeepFor(RetentionOptions options) => TimeSpan.FromDays(options.AiCallDays);

    public async Task<int> DeleteOlderThanAsync(DateTime cutoffUtc, int batchSize, CancellationToken cancellationToken)
    {
        var deleted = 0;
        while (true)
        {
            // Short batches keep each write transaction short, so answers are not held up behind a big delete.
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var batch = db.AiCalls.Where(c => c.AtUtc < cutoffUtc).OrderBy(c => c.Id).Select(c => c.Id).Take(batchSize);
            var count = await db.AiCalls.Where(c => batch.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
            deleted += count;
            if (count < batchSize) return deleted;
        }
    }
}
