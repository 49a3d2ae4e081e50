using Quartz;

namespace CET4Trainer.Core.Operations.Alerts;

// Counts background jobs that ended with an exception, over a sliding window, on this node.
public sealed class JobFailureSignals(TimeProvider clock) : IAlertSignalSource, IJobListener
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly Lock gate = new();
    private readonly Queue<DateTimeOffset> failures = new();

    public IReadOnlyCollection<string> Signals { get; } = [AlertSignalNames.JobFailures];

    public string Name => "alert-job-failures";

    public ValueTask<double?> ReadAsync(string signal, CancellationToken cancellationToken) =>
        ValueTask.FromResult<double?>(signal == AlertSignalNames.JobFailures ? Count() : null);

    public int Count()
    {
        lock (gate)
        {
            Trim(clock.GetUtcNow());
            return failures.Count;
        }
    }

    public void Record()
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            failures.Enqueue(now);
            Trim(now);
        }
    }

    private void Trim(DateTimeOffset now)
    {
        while (failures.Count > 0 && now - failures.Peek() > Window) failures.Dequeue();
    }

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        if (jobException is not null) Record();
        return ValueTask.CompletedTask;
    }

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
