namespace CET4Trainer.Web.Components.Shared;

// Coalesces bursts of "something changed" into at most one reload per interval: thirty students
// submitting at once must not make a teacher's page reload thirty times. The last change always
// leads to a reload after it, so the page ends up current.
public sealed class LiveRefresh(Func<Task> reload, TimeSpan? interval = null) : IDisposable
{
    private readonly TimeSpan interval = interval ?? TimeSpan.FromMilliseconds(500);
    private int pending;
    private long lastRun;
    private volatile bool disposed;

    public int Reloads { get; private set; }

    public void Poke()
    {
        if (!disposed && Interlocked.Exchange(ref pending, 1) == 0) _ = RunSoonAsync();
    }

    private async Task RunSoonAsync()
    {
        var wait = interval - TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref lastRun));
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        Interlocked.Exchange(ref pending, 0);
        Interlocked.Exchange(ref lastRun, Environment.TickCount64);
        if (disposed) return;
        Reloads++;
        try
        {
            await reload();
        }
        catch (ObjectDisposedException)
        {
            // The page closed while a reload was waiting.
        }
    }

    public void Dispose() => disposed = true;
}
