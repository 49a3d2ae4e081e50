namespace CET4Trainer.Core.Operations.Retention;

// One kind of row that expires. Register each as services.AddSingleton<IRetentionTarget, ...>(); the
// cleanup job asks every registered target to delete what is older than its own cutoff.
public interface IRetentionTarget
{
    // Shown in the log and the summary, e.g. "AI 调用记录".
    string Name { get; }

    // How long rows are kept, from RetentionOptions.
    TimeSpan KeepFor(RetentionOptions options);

    // Deletes rows older than the cutoff in batches of batchSize; returns how many went.
    Task<int> DeleteOlderThanAsync(DateTime cutoffUtc, int batchSize, CancellationToken cancellationToken);
}
