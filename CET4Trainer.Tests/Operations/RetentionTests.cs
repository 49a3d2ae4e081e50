using CET4Trainer.Core.Ai.Recording;
using CET4Trainer.Core.Features.AiTasks;
using CET4Trainer.Core.Operations.Retention;
using CET4Trainer.Tests.Hosting;
using CET4Trainer.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CET4Trainer.Tests.Operations;

public sealed class RetentionTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 6, 1, 3, 30, 0, DateTimeKind.Utc);
    private readonly SqliteTestDatabase database = new();
    private readonly RetentionOptions options = new() { AiCallDays = 30, FinishedTaskDays = 7, MetricSnapshotDays = 14, BatchSize = 100 };

    private RetentionService Service(params IRetentionTarget[] extra) =>
        new([new AiCallRetention(database), new FinishedTaskRetention(database), .. extra], new FixedOptions<RetentionOptions>(options),
            new FixedClock(new DateTimeOffset(Now)), NullLogger<RetentionService>.Instance);

    [Fact]
    public async Task OldCallRecords_Go_InBatches_AndRecentOnesStay()
    {
        await using (var db = database.CreateDbContext())
        {
            // 250 old rows: three batches of 100.
            for (var i = 0; i < 250; i++) db.AiCalls.Add(Call(Now.AddDays(-31).AddMinutes(-i), "old"));
            db.AiCalls.Add(Call(Now.AddDays(-29), "recent"));
            db.AiCalls.Add(Call(Now.AddDays(-30).AddMinutes(1), "just inside"));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var run = await Service().RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(250, run.Outcomes.Single(o => o.Target == "AI 调用记录").Deleted);
        Assert.Equal(Now.AddDays(-30), run.Outcomes[0].CutoffUtc);
        await using var check = database.CreateDbContext();
        Assert.Equal(["just inside", "recent"], await check.AiCalls.Select(c => c.Error!).OrderBy(e => e).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task MetricSnapshotsPastTheirAge_Go_AndRecentOnesStay()
    {
        var cutoff = new DateTimeOffset(Now.AddDays(-14)).ToUnixTimeSeconds();
        await using (var db = database.CreateDbContext())
        {
            for (var i = 1; i <= 150; i++) db.MetricSnapshots.Add(new CET4Trainer.Core.Telemetry.Metrics.MetricSnapshot { AtUnix = cutoff - i * 15 });
            db.MetricSnapshots.Add(new CET4Trainer.Core.Telemetry.Metrics.MetricSnapshot { AtUnix = cutoff });
            db.MetricSnapshots.Add(new CET4Trainer.Core.Telemetry.Metrics.MetricSnapshot { AtUnix = cutoff + 3600 });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var run = await Service(new MetricSnapshotRetention(database)).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(150, run.Outcomes.Single(o => o.Target == "指标快照").Deleted);
        await using var check = database.CreateDbContext();
        Assert.Equal([cutoff, cutoff + 3600], await check.MetricSnapshots.Select(s => s.AtUnix).OrderBy(a => a).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task FinishedTasksPastTheirAge_Go_WhileRunningQueuedAndRecentOnesStay()
    {
        var owner = await database.AddUserAsync("teacher-retention@example.edu.cn");
        var old = Now.AddDays(-8);
        await using (var db = database.CreateDbContext())
        {
            db.AiTasks.AddRange(
                Task(owner.Id, "old succeeded", AiTaskStatus.Succeeded, old),
                Task(owner.Id, "old failed", AiTaskStatus.Failed, old),
                Task(owner.Id, "old cancelled", AiTaskStatus.Cancelled, old),
                Task(owner.Id, "old running", AiTaskStatus.Running, old),
                Task(owner.Id, "old queued", AiTaskStatus.Queued, old),
                Task(owner.Id, "recent succeeded", AiTaskStatus.Succeeded, Now.AddDays(-6)),
                // Created long ago but finished yesterday: its age counts from the end.
                Task(owner.Id, "long task finished yesterday", AiTaskStatus.Failed, Now.AddDays(-1), created: Now.AddDays(-40)));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var run = await Service().RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(3, run.Outcomes.Single(o => o.Target == "已结束的 AI 任务").Deleted);
        await using var check = database.CreateDbContext();
        Assert.Equal(["long task finished yesterday", "old queued", "old running", "recent succeeded"],
            await check.AiTasks.Select(t => t.Title).OrderBy(t => t).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task OneTargetFailing_StillCleansTheOthers_AndTheRunReportsTheFailure()
    {
        await using (var db = database.CreateDbContext())
        {
            db.AiCalls.Add(Call(Now.AddDays(-100), "old"));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var broken = new BrokenTarget();

        var failure = await Assert.ThrowsAsync<RetentionFailedException>(() => Service(broken).RunAsync(TestContext.Current.CancellationToken));

        Assert.Contains("指标快照", failure.Message);
        Assert.Equal(Now.AddDays(-14), broken.AskedCutoff);
        Assert.Equal(1, failure.Run.Outcomes.Single(o => o.Target == "AI 调用记录").Deleted);
        await using var check = database.CreateDbContext();
        Assert.Equal(0, await check.AiCalls.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("Retention__AiCallDays", "0", "Retention:AiCallDays")]
    [InlineData("Retention__Schedule", "every night", "Retention:Schedule")]
    [InlineData("Backup__Keep", "0", "Backup:Keep")]
    [InlineData("Backup__Schedule", "00:00:10", "Backup:Schedule")]
    public async Task BadSetting_StopsStartupNamingTheKey(string variable, string value, string key)
    {
        using var folder = new TempFolder();

        var (exitCode, output) = await StartupFailureTests.RunAppAsync(folder, new() { [variable] = value });

        Assert.NotEqual(0, exitCode);
        Assert.Contains(key, output);
    }

    private static AiCall Call(DateTime at, string marker) =>
        new() { AtUtc = at, Operation = "probe", Engine = "离线引擎", Error = marker };

    private static AiTask Task(string owner, string title, AiTaskStatus status, DateTime at, DateTime? created = null) => new()
    {
        Id = Guid.NewGuid(),
        OwnerId = owner,
        Title = title,
        Status = status,
        CreatedUtc = created ?? at,
        UpdatedUtc = at,
        FinishedUtc = status is AiTaskStatus.Succeeded or AiTaskStatus.Failed or AiTaskStatus.Cancelled ? at : null,
    };

    // Stands in for a target whose table is unavailable (the seam the metric snapshots plug into).
    private sealed class BrokenTarget : IRetentionTarget
    {
        public DateTime? AskedCutoff { get; private set; }

        public string Name => "指标快照";

        public TimeSpan KeepFor(RetentionOptions options) => TimeSpan.FromDays(options.MetricSnapshotDays);

        public Task<int> DeleteOlderThanAsync(DateTime cutoffUtc, int batchSize, CancellationToken cancellationToken)
        {
            AskedCutoff = cutoffUtc;
            throw new InvalidOperationException("no such table: MetricSnapshots");
        }
    }

    public void Dispose() => database.Dispose();
}
