using System.Text.Json;
using System.Text.Json.Nodes;
using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.AiTasks;
using CET4Trainer.Core.Features.Practice;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.Grading;

// Runs a GradeBatch task: one unit per answer, graded through the gateway on the teacher's account
// and committed with its review row in the unit's transaction.
public sealed class GradeBatchHandler(IDbContextFactory<AppDbContext> contexts, ItemCatalog catalog, EssayGrading essays, TimeProvider clock,
    PracticeActivityHub? activity = null) : IAiTaskHandler
{
    public AiTaskKind Kind => AiTaskKind.GradeBatch;

    public async Task RunAsync(AiTaskRun run, CancellationToken cancellationToken)
    {
        var input = run.Input<GradeBatchInput>();
        for (var i = run.Done; i < input.AnswerIds.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var answerId = input.AnswerIds[i];
            await run.ReportStepAsync($"正在评第 {i + 1}/{input.AnswerIds.Count} 份", cancellationToken);
            var subject = await LoadAsync(answerId, cancellationToken);
            var item = subject is null ? null : (await catalog.GetAsync([subject.ItemId], cancellationToken)).GetValueOrDefault(subject.ItemId);
            if (subject is null || item is null || subject.Decided)
            {
                // Nothing is graded, so no engine ran; the unit is still counted so the task can finish.
                var why = subject is null ? "答卷已删除" : item is null ? "题目已删除" : "老师已复核，未重评";
                await run.CompleteUnitAsync(null, AiUsage.None, AiEngines.Offline, new JsonObject { ["answerId"] = answerId, ["skipped"] = why }, cancellationToken);
                continue;
            }

            GradingOutcome outcome;
            try
            {
                outcome = await essays.GradeThroughGatewayAsync(item, subject.Response, run.CallContext, courseWork: true, cancellationToken);
            }
            catch (AiRefusedException refused)
            {
                // A batch must not quietly become estimates: the teacher reads why it stopped.
                throw new AiTaskFailedException(refused.Message);
            }
            if (outcome.Retries > 0) await run.ReportRetriesAsync(outcome.Retries, cancellationToken);
            var grade = outcome.Grade;
            var json = JsonSerializer.Serialize(grade, PracticeService.GradeJson);
            await run.CompleteUnitAsync(async (db, ct) =>
            {
                var answer = await db.Answers.FirstAsync(a => a.Id == answerId, ct);
                answer.Score = grade.Score;
                answer.GradeJson = json;
                await EssayReviewWriter.RecordAsync(db, new ReviewSubject(answerId, subject.StudentId, item.Id, item.Type, input.AssignmentId),
                    grade, clock.GetUtcNow().UtcDateTime, ct);
            }, outcome.Usage, outcome.Engine, new JsonObject
            {
                ["answerId"] = answerId, ["score"] = grade.Score, ["band"] = grade.Band, ["engine"] = grade.Engine,
                ["review"] = grade.ReviewReasons.ToString(),
            }, cancellationToken);
            activity?.Publish(new PracticeActivity(subject.StudentId, subject.SessionId, input.AssignmentId, PracticeActivityKind.Regraded));
        }
    }

    private sealed record Subject(string StudentId, int SessionId, int ItemId, string Response, bool Decided);

    private async Task<Subject?> LoadAsync(long answerId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Answers.AsNoTracking().Where(a => a.Id == answerId)
            .Select(a => new Subject(a.StudentId, a.SessionId, a.ItemId, a.Response,
                db.EssayReviews.Any(r => r.AnswerId == a.Id && r.Status != ReviewStatus.Pending)))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
