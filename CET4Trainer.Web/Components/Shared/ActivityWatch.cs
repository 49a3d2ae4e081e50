using CET4Trainer.Core.Features.Practice;

namespace CET4Trainer.Web.Components.Shared;

// Reloads a page when practice it shows happens: the hub says what happened, LiveRefresh makes a burst
// of thirty submissions one reload. Dispose with the page so the hub lets go of it.
public sealed class ActivityWatch : IDisposable
{
    private readonly IDisposable subscription;
    private readonly LiveRefresh refresh;

    public ActivityWatch(PracticeActivityHub hub, Func<PracticeActivity, bool> filter, Func<Task> reload, TimeSpan? interval = null)
    {
        refresh = new LiveRefresh(reload, interval);
        subscription = hub.Subscribe(filter, _ => refresh.Poke());
    }

    public int Reloads => refresh.Reloads;

    public void Dispose()
    {
        subscription.Dispose();
        refresh.Dispose();
    }
}
