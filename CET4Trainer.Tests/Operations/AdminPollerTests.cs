using CET4Trainer.Web.Components.Features.Admin;

namespace CET4Trainer.Tests.Operations;

public sealed class AdminPollerTests
{
    [Fact]
    public async Task Ticks_StopWhenDisposed()
    {
        var ticks = 0;
        var poller = new AdminPoller(TimeSpan.FromMilliseconds(30), () =>
        {
            Interlocked.Increment(ref ticks);
            return Task.CompletedTask;
        });
        while (Volatile.Read(ref ticks) < 3) await Task.Delay(10, TestContext.Current.CancellationToken);

        poller.Dispose();
        await Task.Delay(100, TestContext.Current.CancellationToken);
        var afterDispose = Volatile.Read(ref ticks);
        await Task.Delay(300, TestContext.Current.CancellationToken);

        Assert.Equal(afterDispose, Volatile.Read(ref ticks));
    }

    [Fact]
    public async Task SlowTicks_NeverOverlap_AndAFailedTickDoesNotStopTheNext()
    {
        var running = 0;
        var most = 0;
        var ticks = 0;
        using var poller = new AdminPoller(TimeSpan.FromMilliseconds(10), async () =>
        {
            var now = Interlocked.Increment(ref running);
            most = Math.Max(most, now);
            await Task.Delay(60, TestContext.Current.CancellationToken);
            Interlocked.Decrement(ref running);
            if (Interlocked.Increment(ref ticks) == 1) throw new ObjectDisposedException("circuit");
        });
        while (Volatile.Read(ref ticks) < 4) await Task.Delay(10, TestContext.Current.CancellationToken);

        Assert.Equal(1, most);
    }
}
