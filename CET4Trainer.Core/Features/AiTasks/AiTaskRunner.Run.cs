using System.Text.Json.Nodes;
using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.AiTasks;

public sealed partial class AiTaskRunner
{
    // An attempt as its handler sees it. Every write is fenced by the lease token.
    private sealed class Run : AiTaskRun
    {
        private readonly AiTaskRunner runner;
        private readonly Guid token;

        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Run(AiTaskRunner runner, AiTask task, Guid token)
        {
            this.runner = runner;
            this.token = token;
            TaskId = task.Id;
            Kind = task.Kind;
            OwnerId = task.OwnerId;
            CourseId = task.CourseId;
            InputJson = task.InputJson;
            Done = task.Done;
            Total = task.Total;
        }

        public override async Task ReportStepAsync(string step, CancellationToken cancellationToken)
        {
            await using var db = await runner.contexts.CreateDbContextAsync(cancellationToken);
            var now = runner.Now;
            await Fenced(db).ExecuteUpdateAsync(s => s.SetProperty(t => t.CurrentStep, step).SetProperty(t => t.UpdatedUtc, now), cancellationToken);
            await runner.PublishAsync(TaskId);
        }

        public override async Task ReportRetriesAsync(int retries, CancellationToken cancellationToken)
        {
            if (retries <= 0) return;
            await using var db = await runner.contexts.CreateDbContextAsync(cancellationToken);
            var now = runner.Now;
            await Fenced(db).ExecuteUpdateAsync(s => s.SetProperty(t => t.Retries, t => t.Retries + retries).SetProperty(t => t.UpdatedUtc, now), cancellationToken);
            await runner.PublishAsync(TaskId);
        }

        public override async Task CompleteUnitAsync(Func<AppDbContext, CancellationToken, Task>? changes, AiUsage usage, string engine,
            JsonNode? unitResult, CancellationToken cancellationToken)
        {
            await using (var db = await runner.contexts.CreateDbContextAsync(cancellationToken))
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                // Read under the lease; only this attempt writes the row while it holds the token.
                var task = await Fenced(db).AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? throw new AiTaskLeaseLostException();
                if (changes is not null)
                {
                    await changes(db, cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                }
                var results = task.ResultJson is null ? new JsonArray() : JsonNode.Parse(task.ResultJson)!.AsArray();
                results.Add(unitResult);
                var engines = (task.Engine ?? "").Split(", ", StringSplitOptions.RemoveEmptyEntries).ToList();
                if (!engines.Contains(engine)) engines.Add(engine);
                var now = runner.Now;
                var updated = await Fenced(db).Where(t => t.Done == task.Done).ExecuteUpdateAsync(s => s
                    .SetProperty(t => t.Done, task.Done + 1)
                    .SetProperty(t => t.InputTokens, task.InputTokens + usage.InputTokens)
                    .SetProperty(t => t.OutputTokens, task.OutputTokens + usage.OutputTokens)
                    .SetProperty(t => t.Cost, task.Cost + usage.Cost)
                    .SetProperty(t => t.Engine, string.Join(", ", engines))
                    .SetProperty(t => t.ResultJson, results.ToJsonString(AiTaskJson.Options))
                    .SetProperty(t => t.CurrentStep, $"已完成 {task.Done + 1}/{task.Total}")
                    .SetProperty(t => t.UpdatedUtc, now), cancellationToken);
                if (updated != 1) throw new AiTaskLeaseLostException();
                await transaction.CommitAsync(cancellationToken);
            }
            await runner.PublishAsync(TaskId);
        }

        private IQueryable<AiTask> Fenced(AppDbContext db) => db.AiTasks.Where(t => t.Id == TaskId && t.LeaseToken == token);
    }
}
