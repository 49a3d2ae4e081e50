using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.AiTasks;
using CET4Trainer.Core.Telemetry.Metrics;
using CET4Trainer.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CET4Trainer.Tests.Telemetry.Metrics;

// The snapshot job on the app's real scheduler and database.
public sealed class MetricSnapshotJobTests
{
    [Fact]
    public async Task TheRepeatingJob_WritesSnapshotRows_WithTaskCountsFromTheDatabase()
    {
        await using var app = new Cet4AppFactory().With("Monitoring:SnapshotSeconds", "5");
        using var client = app.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        Assert.True((await client.GetAsync("/health/ready", ct)).IsSuccessStatusCode);
        var contexts = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var owner = (await app.Services.CreateScope().ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("teacher@cet4.local"))!;
        int before;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            before = await db.MetricSnapshots.CountAsync(ct);
            // Finished tasks: the task runner leaves them alone.
            for (var i = 0; i < 3; i++)
                db.AiTasks.Add(new AiTask { Id = Guid.NewGuid(), OwnerId = owner.Id, Title = "已取消的任务", Status = AiTaskStatus.Cancelled, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync(ct);
        }

        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);
        var trigger = (ISimpleTrigger)(await scheduler.GetTriggersOfJob(MetricSnapshotJob.Key, ct)).Single();
        Assert.Equal(TimeSpan.FromSeconds(5), trigger.RepeatInterval);

        // Two more rows than before the tasks were added: the later one was written after a refresh that saw them.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var rows = before;
        while (rows < before + 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500, ct);
            await using var db = await contexts.CreateDbContextAsync(ct);
            rows = await db.MetricSnapshots.CountAsync(ct);
        }

        Assert.True(rows >= before + 2, $"{rows - before} new snapshot rows after waiting for the 5-second trigger");
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var latest = await db.MetricSnapshots.OrderByDescending(s => s.Id).FirstAsync(ct);
            Assert.True(latest.WorkingSetMb > 10);
            Assert.True((latest.AtUtc - DateTime.UtcNow).Duration().TotalSeconds < 60);
        }
        var snapshot = app.Services.GetRequiredService<MetricsAggregator>().Snapshot();
        Assert.Equal(3, snapshot.TasksByState["Cancelled"]);
        Assert.Equal(0, snapshot.TaskQueueDepth);
        var history = await app.Services.GetRequiredService<MetricHistory>().ReadAsync(HistoryRange.Hour, ct);
        // Two rows 5 s apart may share one history bucket, so one point is all that can be promised.
        Assert.NotEmpty(history);
    }
}
