using CET4Trainer.Core.Features.AiTasks;
using CET4Trainer.Web.Components.Features.AiTasks;

namespace CET4Trainer.Tests.Web.Components;

public sealed class AiTaskWatcherTests
{
    private static AiTaskSnapshot Snapshot(Guid id, int done, AiTaskStatus status = AiTaskStatus.Running) =>
        new(id, AiTaskKind.GenerateQuestions, "teacher", null, "出题", status, done, 500, null, 1, 0, 0, 0, 0m, null, null, false,
            DateTime.UtcNow, null, DateTime.UtcNow);

    [Fact]
    public async Task AFloodOfChanges_RendersAFewTimes_EndsOnTheFinalState_AndDisposingReleasesTheSubscription()
    {
        var hub = new AiTaskHub();
        var id = Guid.NewGuid();
        AiTaskSnapshot? latest = null;
        var rendered = new List<int>();
        var watcher = new AiTaskWatcher(hub, s => s.Id == id, s => latest = s, () =>
        {
            lock (rendered) rendered.Add(latest!.Done);
            return Task.CompletedTask;
        }, TimeSpan.FromMilliseconds(100));

        for (var done = 1; done < 500; done++) hub.Publish(Snapshot(id, done));
        hub.Publish(Snapshot(Guid.NewGuid(), 7)); // another task: not this page's business
        hub.Publish(Snapshot(id, 500, AiTaskStatus.Succeeded));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline && !rendered.Contains(500)) await Task.Delay(20, TestContext.Current.CancellationToken);

        Assert.Equal(500, rendered[^1]);
        Assert.InRange(rendered.Count, 1, 20);
        Assert.Equal(1, hub.SubscriberCount);
        watcher.Dispose();
        Assert.Equal(0, hub.SubscriberCount);
        hub.Publish(Snapshot(id, 1));
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.Equal(500, rendered[^1]);
    }
}
