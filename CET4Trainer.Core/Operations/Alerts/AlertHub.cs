using System.Collections.Concurrent;

namespace CET4Trainer.Core.Operations.Alerts;

// In-process notice that alert state or history changed (an evaluation, a rule edit, a webhook
// result). Pages reload what they show; handlers only mark a page dirty.
public sealed class AlertHub
{
    private readonly ConcurrentDictionary<long, Action> subscriptions = new();
    private long next;

    public int SubscriberCount => subscriptions.Count;

    public IDisposable Subscribe(Action handler)
    {
        var id = Interlocked.Increment(ref next);
        subscriptions[id] = handler;
        return new Subscription(() => subscriptions.TryRemove(id, out _));
    }

    public void Publish()
    {
        foreach (var handler in subscriptions.Values)
        {
            try
            {
                handler();
            }
            catch
            {
                // A page's failure to refresh is the page's; evaluation goes on.
            }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) dispose();
        }
    }
}
