using Quartz;

namespace CET4Trainer.Core.Operations.Jobs;

public sealed record JobRunFacts(DateTime? LastRunUtc, double? LastRunMs, DateTime? LastFailureUtc, string? LastError, int FailuresLast24h);

// Listens to every job run on this node and keeps, per job, the last run and its failures of the
// last 24 hours. In memory: after a restart the history starts again (the page says "since start").
public sealed class JobRunLog(TimeProvider clock) : IJobListener
{
    public const int MaxErrorLength = 500;
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);

    private readonly Lock gate = new();
    private readonly Dictionary<JobKey, Entry> entries = [];

    public string Name => "cet4-job-run-log";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        lock (gate)
        {
            if (!entries.TryGetValue(context.JobDetail.Key, out var entry))
            {
                entries[context.JobDetail.Key] = entry = new Entry();
            }
            entry.LastRunUtc = now;
            entry.LastRunMs = context.JobRunTime.TotalMilliseconds;
            if (jobException is not null)
            {
                entry.LastFailureUtc = now;
                entry.LastError = Message(jobException);
                entry.Failures.Enqueue(now);
            }
            while (entry.Failures.TryPeek(out var oldest) && now - oldest > Window) entry.Failures.Dequeue();
        }
        return ValueTask.CompletedTask;
    }

    public JobRunFacts Facts(JobKey key)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        lock (gate)
        {
            if (!entries.TryGetValue(key, out var entry)) return new JobRunFacts(null, null, null, null, 0);
            return new JobRunFacts(entry.LastRunUtc, entry.LastRunMs, entry.LastFailureUtc, entry.LastError, entry.Failures.Count(f => now - f <= Window));
        }
    }

    // All failures of the last 24 hours, for alerts on job failures.
    public int FailuresLast24h()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        lock (gate) return entries.Values.Sum(e => e.Failures.Count(f => now - f <= Window));
    }

    // Quartz wraps what a job threw (once or twice); the innermost exception says what went wrong. A job
    // that throws a JobExecutionException itself has written its message for people.
    private static string Message(JobExecutionException failure)
    {
        Exception cause = failure;
        while (cause.InnerException is not null && cause.GetType().Namespace == typeof(IJob).Namespace) cause = cause.InnerException;
        var text = cause.GetType().Namespace == typeof(IJob).Namespace ? cause.Message : $"{cause.GetType().Name}: {cause.Message}";
        return text.Length > MaxErrorLength ? text[..MaxErrorLength] + " …" : text;
    }

    private sealed class Entry
    {
        public DateTime? LastRunUtc { get; set; }
        public double? LastRunMs { get; set; }
        public DateTime? LastFailureUtc { get; set; }
        public string? LastError { get; set; }
        public Queue<DateTime> Failures { get; } = new();
    }
}
