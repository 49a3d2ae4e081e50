using System.Collections.Concurrent;

namespace CET4Trainer.Core.Features.Practice;

public enum PracticeActivityKind
{
    Answered = 1,
    Completed = 2,
    Regraded = 3,
}

// Something a student did (or a teacher did to a student's answer) that changes what a teacher sees.
public sealed record PracticeActivity(string StudentId, int SessionId, int? AssignmentId, PracticeActivityKind Kind);

// In-process fan-out of practice activity to the pages that show it (gradebook, analytics, teacher home).
// Handlers run on the publisher's thread after the change has committed, so they only mark a page dirty.
public sealed class PracticeActivityHub
{
    private readonly ConcurrentDictionary<long, (Func<PracticeActivity, bool> Filter, Action<PracticeActivity> Handler)> subscriptions = new();
    private long next;

    public int SubscriberCount => subscriptions.Count;

    public IDisposable Subscribe(Func<PracticeActivity, bool> filter, Action<PracticeActivity> handler)
    {
        var id = Interlocked.Increment(ref next);
        subscriptions[id] = (filter, handler);
        return new Subscription(() => subscriptions.TryRemove(id, out _));
    }

    public void Publish(PracticeActivity activity)
    {
        foreach (var (filter, handler) in subscriptions.Values)
        {
            try
            {
                if (filter(activity)) handler(activity);
            }
            catch
            {
                // A watcher's failure is the watcher's: the student's answer is already saved.
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
