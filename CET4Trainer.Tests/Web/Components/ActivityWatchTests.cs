using CET4Trainer.Core.Features.Practice;
using CET4Trainer.Web.Components.Shared;

namespace CET4Trainer.Tests.Web.Components;

public sealed class ActivityWatchTests
{
    [Fact]
    public async Task OnlyMatchingActivity_Reloads_ABurstBecomesFewReloads_AndDisposeLetsGo()
    {
        var hub = new PracticeActivityHub();
        var reloads = 0;
        using var watch = new ActivityWatch(hub, a => a.StudentId == "mine", () => { Interlocked.Increment(ref reloads); return Task.CompletedTask; },
            TimeSpan.FromMilliseconds(200));

        hub.Publish(new PracticeActivity("someone-else", 1, null, PracticeActivityKind.Answered));
        await Task.Delay(400, TestContext.Current.CancellationToken);
        Assert.Equal(0, reloads);

        for (var i = 0; i < 30; i++) hub.Publish(new PracticeActivity("mine", i, null, PracticeActivityKind.Answered));
        await Task.Delay(700, TestContext.Current.CancellationToken);
        Assert.InRange(reloads, 1, 2);
        Assert.Equal(reloads, watch.Reloads);

        watch.Dispose();
        Assert.Equal(0, hub.SubscriberCount);
        hub.Publish(new PracticeActivity("mine", 99, null, PracticeActivityKind.Answered));
        await Task.Delay(400, TestContext.Current.CancellationToken);
        Assert.Equal(watch.Reloads, reloads);
    }
}
