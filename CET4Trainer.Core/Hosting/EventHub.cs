using System.Collections.Concurrent;

namespace CET4Trainer.Core.Hosting;

// In-process fan-out of changes to whoever watches them (pages, metrics). Handlers run on the
// publisher's thread after the change has committed, so they must be quick: pages only mark
// themselves dirty and render later. A watcher's failure stays the watcher's.
public abstract class EventHub<T>
{
    private readonly ConcurrentDictionary<long, (Func<T, bool> Filter, Action<T> Handler)> subscriptions = new();
    private long next;

    public int SubscriberCount => subscriptions.Count;

    public IDisposable Subscribe(Func<T, bool> filter, Action<T> handler)
    {
        var id = Interlocked.Increment(ref next);
        subscriptions[id] = (filter, handler);
        return new Subscription(() => subscriptions.TryRemove(id, out _));
    }

    public void Publish(T change)
    {
        foreach (var (filter, handler) in subscriptions.Values)
        {
            try
            {
                if (filter(change)) handler(change);
            }
            catch
            {
                // The change is already saved; the other watchers still hear of it.
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
