using CET4Trainer.Core.Features.AiTasks;
using CET4Trainer.Web.Components.Shared;

namespace CET4Trainer.Web.Components.Features.AiTasks;

// Turns a stream of task changes into at most one render per interval: the hub may publish hundreds of
// changes a second, a page needs only the latest. Each change is taken at once (onChange); the render
// after the last change always comes, so the final state of a task always shows.
public sealed class AiTaskWatcher : IDisposable
{
    private readonly IDisposable subscription;
    private readonly LiveRefresh refresh;

    public AiTaskWatcher(AiTaskHub hub, Func<AiTaskSnapshot, bool> filter, Action<AiTaskSnapshot> onChange, Func<Task> render, TimeSpan? interval = null)
    {
        refresh = new LiveRefresh(render, interval ?? TimeSpan.FromMilliseconds(150));
        subscription = hub.Subscribe(filter, snapshot =>
        {
            onChange(snapshot);
            refresh.Poke();
        });
    }

    public int Renders => refresh.Reloads;

    public void Dispose()
    {
        subscription.Dispose();
        refresh.Dispose();
    }
}
