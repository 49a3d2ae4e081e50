using System.Text.Json;
using System.Text.Json.Nodes;
using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Data;

namespace CET4Trainer.Core.Features.AiTasks;

// One attempt at a task, as its handler sees it.
public abstract class AiTaskRun
{
    public required Guid TaskId { get; init; }
    public required AiTaskKind Kind { get; init; }
    public required string OwnerId { get; init; }
    public int? CourseId { get; init; }
    public required string InputJson { get; init; }

    // Units committed before this attempt started, and in all.
    public required int Done { get; init; }
    public required int Total { get; init; }

    // For the gateway: the owner pays (budget) and the calls are recorded against this task.
    public AiCallContext CallContext => new(OwnerId, TaskId, CountsAgainstBudget: true);

    public T Input<T>() => JsonSerializer.Deserialize<T>(InputJson, AiTaskJson.Options)
        ?? throw new AiTaskFailedException("任务参数缺失或无法读取。");

    // What the task is doing now, for the live view ("正在生成第 3/10 题").
    public abstract Task ReportStepAsync(string step, CancellationToken cancellationToken);

    // A provider retry happened inside a call (shown live as a retry count).
    public abstract Task ReportRetriesAsync(int retries, CancellationToken cancellationToken);

    // Commits one unit: `changes` (made on the given context, not yet saved) plus the progress counters,
    // the usage and `unitResult` appended to the task's result list, in one transaction, only while this
    // attempt still holds the lease (otherwise AiTaskLeaseLostException). A unit is committed exactly once.
    public abstract Task CompleteUnitAsync(Func<AppDbContext, CancellationToken, Task>? changes, AiUsage usage, string engine,
        JsonNode? unitResult, CancellationToken cancellationToken);
}

public sealed class AiTaskLeaseLostException() : Exception("Another attempt holds this task's lease now.");

public static class AiTaskJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
