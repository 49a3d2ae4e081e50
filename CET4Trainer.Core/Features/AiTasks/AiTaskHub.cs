using System.Collections.Concurrent;

namespace CET4Trainer.Core.Features.AiTasks;

// In-process fan-out of task changes to whoever watches (pages, metrics). Handlers run on the
// publisher's thread, so they must be quick: pages only mark themselves dirty and render later.
public sealed class AiTaskHub
{
    private readonly ConcurrentDictionary<long, Subscription> subscriptions = new();
    private long next;

    public int SubscriberCount => subscriptions.Count;

    public IDisposable Subscribe(Func<AiTaskSnapshot, bool> filter, Action<AiTaskSnapshot> handler)
    {
        var id = Interlocked.Increment(ref next);
        var subscription = new Subscription(this, id, filter, handler);
        subscriptions[id] = subscription;
        return subscription;
    }

    public IDisposable SubscribeTask(Guid taskId, Action<AiTaskSnapshot> handler) => Subscribe(s => s.Id == taskId, handler);

    public IDisposable SubscribeOwner(string ownerId, Action<AiTaskSnapshot> handler) => Subscribe(s => s.OwnerId == ownerId, handler);

    public void Publish(AiTaskSnapshot snapshot)
    {
        foreach (var s in subscriptions.Values)
        {
            try
            {
                if (s.Filter(snapshot)) s.Handler(snapshot);
            }
            catch
            {
                // A watcher's failure is the watcher's: the task and the other watchers go on.
            }
        }
    }

    private sealed class Subscription(AiTaskHub hub, long id, Func<AiTaskSnapshot, bool> filter, Action<AiTaskSnapshot> handler) : IDisposable
    {
        public Func<AiTaskSnapshot, bool> Filter { get; } = filter;
        public Action<AiTaskSnapshot> Handler { get; } = handler;

        public void Dispose() => hub.subscriptions.TryRemove(id, out _);
    }
}
