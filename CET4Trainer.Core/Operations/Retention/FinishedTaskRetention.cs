using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.AiTasks;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Operations.Retention;

// Only tasks that ended (succeeded, failed, cancelled); queued and running ones stay whatever their age.
public sealed class FinishedTaskRetention(IDbContextFactory<AppDbContext> contexts) : IRetentionTarget
{
    public string Name => "已结束的 AI 任务";

    public TimeSpan KeepFor(RetentionOptions options) => TimeSpan.FromDays(options.FinishedTaskDays);

    public async Task<int> DeleteOlderThanAsync(DateTime cutoffUtc, int batchSize, CancellationToken cancellationToken)
    {
        var deleted = 0;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var batch = db.AiTasks
                .Where(t => (t.Status == AiTaskStatus.Succeeded || t.Status == AiTaskStatus.Failed || t.Status == AiTaskStatus.Cancelled)
                    && (t.FinishedUtc ?? t.UpdatedUtc) < cutoffUtc)
                .OrderBy(t => t.CreatedUtc).Select(t => t.Id).Take(batchSize);
            var count = await db.AiTasks.Where(t => batch.Contains(t.Id)).ExecuteDeleteAsync(cancellationToken);
            deleted += count;
            if (count < batchSize) return deleted;
        }
    }
}
