using System.Text.Json;
using System.Text.Json.Nodes;
using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Ai.Engine;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Accounts;
using CET4Trainer.Core.Features.AiTasks;
using CET4Trainer.Core.Features.Courses;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.ClassAnalysis;

public sealed record ClassAnalysisRequest(int CourseId);

// One unit: gather the anonymised snapshot, ask the engine, and store the analysis together with the
// label-to-student map (kept in our database for showing names; never sent anywhere).
public sealed class ClassAnalysisHandler(
    IDbContextFactory<AppDbContext> contexts, ClassSnapshotBuilder snapshots, AiGateway gateway, AnalyzeClassOperation operation,
    TimeProvider clock) : IAiTaskHandler
{
    public AiTaskKind Kind => AiTaskKind.ClassAnalysis;

    public async Task RunAsync(AiTaskRun run, CancellationToken cancellationToken)
    {
        if (run.Done >= run.Total) return;
        var request = run.Input<ClassAnalysisRequest>();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var owner = await ViewerLookup.ForAsync(db, run.OwnerId, cancellationToken);
            if (!await CourseService.Owned(db, owner).AnyAsync(c => c.Id == request.CourseId, cancellationToken))
                throw new AiTaskFailedException("课程不存在，或不是你的课程。");
        }
        await run.ReportStepAsync("正在汇总班级数据（学生已匿名）", cancellationToken);
        var snapshot = await snapshots.BuildAsync(request.CourseId, cancellationToken);
        await run.ReportStepAsync("正在分析", cancellationToken);
        AiResult<ClassAnalysisOutput> result;
        try
        {
            result = await gateway.RunAsync(operation, snapshot.Input, run.CallContext, cancellationToken);
        }
        catch (AiRefusedException refused)
        {
            throw new AiTaskFailedException(refused.Message);
        }
        if (result.Retries > 0) await run.ReportRetriesAsync(result.Retries, cancellationToken);
        if (operation.Validate(result.Value, snapshot.Input) is { Count: > 0 } errors)
            throw new AiTaskFailedException($"分析结果没有通过检查：{errors[0]}");
        var labels = new JsonObject();
        foreach (var (label, studentId) in snapshot.StudentIds) labels[label] = studentId;
        var unit = new JsonObject
        {
            ["number"] = 1, ["engine"] = result.Engine, ["model"] = result.Model, ["promptVersion"] = result.PromptVersion,
            ["createdUtc"] = clock.GetUtcNow().UtcDateTime, ["students"] = snapshot.Input.Students,
            ["analysis"] = JsonSerializer.SerializeToNode(result.Value, AnalyzeClassOperation.Json), ["labels"] = labels,
        };
        await run.CompleteUnitAsync(null, result.Usage, result.Engine, unit, cancellationToken);
    }
}
