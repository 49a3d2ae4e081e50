using CET4Trainer.Core.Features.AiTasks;
using CET4Trainer.Web.Components.Features.AiTasks;

namespace CET4Trainer.Tests.Web.AiTasks;

public sealed class LiveTaskRowsTests
{
    private static readonly DateTime T0 = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);

    private static AiTaskSnapshot Snapshot(Guid id, int done, AiTaskStatus status, int second, DateTime? created = null) =>
        new(id, AiTaskKind.GenerateQuestions, "teacher", null, "出题", status, done, 10, null, 1, 0, 0, 0, 0m, null, null, false,
            created ?? T0, null, T0.AddSeconds(second));

    [Fact]
    public void Progress_IsAppliedInPlace_AnOlderSnapshotIsIgnored_AndNoReloadIsAsked()
    {
        var id = Guid.NewGuid();
        var rows = new LiveTaskRows();
        rows.Load([new AiTaskRow(Snapshot(id, 1, AiTaskStatus.Running, 1), "王老师")]);

        rows.Offer(Snapshot(id, 4, AiTaskStatus.Running, 4));
        rows.Offer(Snapshot(id, 3, AiTaskStatus.Running, 3));
        var reload = rows.Apply(_ => true, _ => true);

        Assert.False(reload);
        Assert.Equal(4, rows.Rows[0].Task.Done);
        Assert.Equal("王老师", rows.Rows[0].OwnerName);
    }

    [Fact]
    public void AnUnknownTask_AsksForAReloadOnlyWhenItBelongsAndFits()
    {
        var rows = new LiveTaskRows();
        rows.Load([]);

        rows.Offer(Snapshot(Guid.NewGuid(), 0, AiTaskStatus.Queued, 1));
        Assert.False(rows.Apply(_ => false, _ => true));
        rows.Offer(Snapshot(Guid.NewGuid(), 0, AiTaskStatus.Queued, 1));
        Assert.False(rows.Apply(_ => true, _ => false));
        rows.Offer(Snapshot(Guid.NewGuid(), 0, AiTaskStatus.Queued, 1));
        Assert.True(rows.Apply(_ => true, _ => true));
        Assert.Empty(rows.Rows);
    }

    [Fact]
    public void AStatusChangeThatLeavesTheFilter_AsksForAReload_AFinalStateAlwaysWins()
    {
        var id = Guid.NewGuid();
        var rows = new LiveTaskRows();
        rows.Load([new AiTaskRow(Snapshot(id, 2, AiTaskStatus.Running, 5), "")]);

        rows.Offer(Snapshot(id, 10, AiTaskStatus.Succeeded, 4));
        var reload = rows.Apply(s => !s.IsFinal, _ => true);

        Assert.True(reload);
        Assert.Equal(AiTaskStatus.Succeeded, rows.Rows[0].Task.Status);
    }
}
