using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Ai.Engine;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Grading;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Core.Features.Practice;

public sealed record GradingOutcome(EssayGrade Grade, AiUsage Usage, string Engine, int Retries);

// Grading of writing and translation through the AI gateway (providers in order, then the offline
// estimate). Code, not the model, decides the band, the deduction, the scale and which quotes hold up;
// the review rules then decide whether a teacher should look.
public sealed partial class EssayGrading(
    AiGateway gateway, GradeWriting writing, GradeTranslation translation, IOptions<GradingOptions> options, ILogger<EssayGrading> log)
{
    // For a student's own submission: a refusal (rate limit, budget) falls back to the offline estimate and says why.
    public async Task<EssayGrade> GradeAsync(ItemView item, string response, string studentId, bool courseWork,
        CancellationToken cancellationToken = default)
    {
        try
        {
            return (await GradeThroughGatewayAsync(item, response, new AiCallContext(studentId), courseWork, cancellationToken)).Grade;
        }
        catch (AiRefusedException refused)
        {
            LogRefused(item.Id);
            var grade = item.Type == ItemType.Writing
                ? await OfflineAsync(writing, WritingInputFor(item, response), writing.ToGrade, cancellationToken)
                : await OfflineAsync(translation, TranslationInputFor(item, response), translation.ToGrade, cancellationToken);
            return Reviewed(grade with { Notice = $"{refused.Message}这次先给出离线估算。" }, courseWork);
        }
    }

    // For work that must not quietly turn into estimates (a teacher's batch): a refusal is thrown.
    public async Task<GradingOutcome> GradeThroughGatewayAsync(ItemView item, string response, AiCallContext call, bool courseWork,
        CancellationToken cancellationToken = default)
    {
        var (grade, result) = item.Type == ItemType.Writing
            ? await RunAsync(writing, WritingInputFor(item, response), writing.ToGrade, call, cancellationToken)
            : await RunAsync(translation, TranslationInputFor(item, response), translation.ToGrade, call, cancellationToken);
        if (result.IsOffline && result.FailedProviders.Count > 0) grade = grade with { Notice = "AI 评分服务暂时不可用，这次先给出离线估算。" };
        return new GradingOutcome(Reviewed(grade, courseWork), result.Usage, result.Engine, result.Retries);
    }

    // Keeps the answer's review row in step with this grade (on the caller's context; the caller saves).
    public async Task RecordReviewAsync(AppDbContext db, int sessionId, int questionId, ItemView item, EssayGrade grade, DateTime nowUtc,
        CancellationToken cancellationToken = default)
    {
        var answer = await db.Answers.Where(a => a.SessionId == sessionId && a.QuestionId == questionId)
            .Select(a => new { a.Id, a.StudentId, AssignmentId = db.PracticeSessions.Where(s => s.Id == a.SessionId).Select(s => s.AssignmentId).FirstOrDefault() })
            .FirstAsync(cancellationToken);
        await EssayReviewWriter.RecordAsync(db, new ReviewSubject(answer.Id, answer.StudentId, item.Id, item.Type, answer.AssignmentId), grade, nowUtc, cancellationToken);
    }

    // Only the task and the text: the student's identity has no way into a prompt.
    public static WritingInput WritingInputFor(ItemView item, string response) =>
        new(item.Draft.Passage, response, item.Draft.MinWords ?? 120, item.Draft.MaxWords ?? 180);

    public static TranslationInput TranslationInputFor(ItemView item, string response) =>
        new(item.Draft.Passage, response, item.Draft.Reference);

    private async Task<(EssayGrade, AiResult<GradingAnswer>)> RunAsync<TInput>(AiOperation<TInput, GradingAnswer> operation, TInput input,
        Func<AiResult<GradingAnswer>, TInput, EssayGrade> map, AiCallContext call, CancellationToken cancellationToken)
    {
        var result = await gateway.RunAsync(operation, input, call, cancellationToken);
        return (map(result, input), result);
    }

    private static async Task<EssayGrade> OfflineAsync<TInput>(AiOperation<TInput, GradingAnswer> operation, TInput input,
        Func<AiResult<GradingAnswer>, TInput, EssayGrade> map, CancellationToken cancellationToken)
    {
        var answer = await operation.RunOfflineAsync(input, cancellationToken);
        return map(new AiResult<GradingAnswer>(answer, AiEngines.Offline, null, operation.PromptVersion, AiUsage.None, 0, []), input);
    }

    private EssayGrade Reviewed(EssayGrade grade, bool courseWork) =>
        grade with { ReviewReasons = ReviewRules.Reasons(grade, courseWork, options.Value.ReviewBelowConfidence) };

    [LoggerMessage(LogLevel.Information, "AI grading of item {ItemId} was refused by the AI limits; the offline estimate stands in")]
    private partial void LogRefused(int itemId);
}
