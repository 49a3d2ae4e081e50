using CET4Trainer.Core.Features.AiTasks;

namespace CET4Trainer.Web.Components.Features.AiTasks;

// Turns a stream of task changes into at most one render per interval: the hub may publish hundreds of
// changes a second, a page needs only the latest. The final state of a task always renders.
public sealed class AiTaskWatcher : IDisposable
{
    private readonly IDisposable subscription;
    private readonly Func<Task> render;
    private readonly TimeSpan interval;
    private int pending;
    private long lastRender;

    public AiTaskWatcher(AiTaskHub hub, Func<AiTaskSnapshot, bool> filter, Action<AiTaskSnapshot> onChange, Func<Task> render, TimeSpan? interval = null)
    {
        this.render = render;
        this.interval = interval ?? TimeSpan.FromMilliseconds(150);
        subscription = hub.Subscribe(filter, snapshot =>
        {
            onChange(snapshot);
            if (Interlocked.Exchange(ref pending, 1) == 0) _ = RenderSoonAsync();
        });
    }

    public int Renders { get; private set; }

    private async Task RenderSoonAsync()
    {
        var wait = interval - TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref lastRender));
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        Interlocked.Exchange(ref pending, 0);
        Interlocked.Exchange(ref lastRender, Environment.TickCount64);
        Renders++;
        try
        {
            await render();
        }
        catch (ObjectDisposedException)
        {
            // The page closed while a render was waiting.
        }
    }

    public void Dispose() => subscription.Dispose();
}
