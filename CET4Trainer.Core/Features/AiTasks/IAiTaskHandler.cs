namespace CET4Trainer.Core.Features.AiTasks;

// The work of one kind of AI task. The runner claims the task, renews its lease, handles cancellation,
// retries and the final state; a handler only does units of work from run.Done onwards.
public interface IAiTaskHandler
{
    AiTaskKind Kind { get; }

    // Called on every attempt: it must continue after the units already committed (run.Done), never
    // redo them. Throwing fails this attempt (retried with backoff up to Ai:Tasks:MaxAttempts); an
    // AiTaskFailedException fails the task at once with its message.
    Task RunAsync(AiTaskRun run, CancellationToken cancellationToken);
}

// A failure that retrying cannot fix (bad input, budget spent): the message is shown to the teacher.
public sealed class AiTaskFailedException(string message) : Exception(message);
