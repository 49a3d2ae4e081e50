using System.Collections.Concurrent;
using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Ai.Recording;
using CET4Trainer.Core.Features.AiTasks;

namespace CET4Trainer.Tests.Features.AiTasks;

public sealed record ScriptedInput(int UnitDelayMs = 0, double FailureRate = 0, int Seed = 1, bool AlwaysFail = false, bool FailPermanently = false);

// A task kind whose units write one marker row each (an AiCall with Operation "unit" and the unit number),
// so a test can count how often every unit was committed, and which fails as its input says.
public sealed class ScriptedTaskHandler(AiTaskKind kind) : IAiTaskHandler
{
    private readonly ConcurrentDictionary<Guid, int> running = new();
    private readonly ConcurrentDictionary<Guid, int> calls = new();

    public AiTaskKind Kind => kind;

    // Times an attempt of a task started while another attempt of the same task was still inside RunAsync.
    public int Overlaps;

    public ConcurrentQueue<(Guid Task, DateTime StartedUtc)> Starts { get; } = new();

    public async Task RunAsync(AiTaskRun run, CancellationToken cancellationToken)
    {
        Starts.Enqueue((run.TaskId, DateTime.UtcNow));
        if (running.AddOrUpdate(run.TaskId, 1, (_, n) => n + 1) > 1) Interlocked.Increment(ref Overlaps);
        try
        {
            var input = run.Input<ScriptedInput>();
            if (input.FailPermanently) throw new AiTaskFailedException("参考题目已被删除，无法生成。");
            for (var unit = run.Done; unit < run.Total; unit++)
            {
                var call = calls.AddOrUpdate(run.TaskId, 1, (_, n) => n + 1);
                await run.ReportStepAsync($"第 {unit + 1} 个", cancellationToken);
                if (input.UnitDelayMs > 0) await Task.Delay(input.UnitDelayMs, cancellationToken);
                if (input.AlwaysFail) throw new InvalidOperationException("scripted failure");
                if (new Random(HashCode.Combine(input.Seed, run.TaskId, call)).NextDouble() < input.FailureRate)
                    throw new HttpRequestException("scripted transient failure");
                var number = unit + 1;
                await run.CompleteUnitAsync((db, _) =>
                {
                    db.AiCalls.Add(new AiCall { Operation = "unit", Engine = "scripted", PromptVersion = number, TaskId = run.TaskId, AtUtc = DateTime.UtcNow });
                    return Task.CompletedTask;
                }, new AiUsage(10, 5, 0.001m), "scripted", System.Text.Json.Nodes.JsonValue.Create(number), cancellationToken);
            }
        }
        finally
        {
            running.AddOrUpdate(run.TaskId, 0, (_, n) => n - 1);
        }
    }
}
