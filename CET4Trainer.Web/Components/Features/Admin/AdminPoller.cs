namespace CET4Trainer.Web.Components.Features.Admin;

// Calls tick every period until disposed; ticks never overlap, and one that fails waits for the next.
// The component passes a tick that re-renders through InvokeAsync.
public sealed class AdminPoller : IDisposable
{
    private readonly Timer timer;
    private readonly Func<Task> tick;
    private int busy;

    public AdminPoller(TimeSpan period, Func<Task> tick)
    {
        this.tick = tick;
        timer = new Timer(_ => _ = TickAsync(), null, period, period);
    }

    private async Task TickAsync()
    {
        if (Interlocked.Exchange(ref busy, 1) == 1) return;
        try
        {
            await tick();
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away between two ticks.
        }
        finally
        {
            Volatile.Write(ref busy, 0);
        }
    }

    public void Dispose() => timer.Dispose();
}
