using System.Text.Json;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Scoring;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.Practice;

// Answering: every response is saved the moment it is given (one SaveChanges, one round trip),
// so a reload or a dropped connection continues at the same place with the same answers.
public sealed class PracticeService(IDbContextFactory<AppDbContext> contexts, ItemCatalog catalog, EssayGrading essays, TimeProvider clock,
    PracticeActivityHub? activity = null)
{
    public static readonly JsonSerializerOptions GradeJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static EssayGrade? ReadGrade(Answer answer) =>
        answer.GradeJson is null ? null : JsonSerializer.Deserialize<EssayGrade>(answer.GradeJson, GradeJson);

    public async Task<SessionView?> LoadAsync(int sessionId, string studentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var session = await db.PracticeSessions.AsNoTracking().Include(s => s.Items)
            .FirstOrDefaultAsync(s => s.Id == sessionId && s.StudentId == studentId, cancellationToken);
        if (session is null) return null;
        var answers = await db.Answers.AsNoTracking().Where(a => a.SessionId == sessionId).ToDictionaryAsync(a => a.QuestionId, cancellationToken);
        var items = await catalog.GetAsync(session.Items.Select(i => i.ItemId).ToList(), cancellationToken);
        var views = session.Items.OrderBy(i => i.Position).Where(i => items.ContainsKey(i.ItemId))
            .Select(i => new SessionItemView(i.Position, i.Part, i.ListeningPlays, items[i.ItemId])).ToList();
        var assignment = session.AssignmentId is { } assignmentId
            ? await db.Assignments.Where(a => a.Id == assignmentId).Select(a => new { a.Feedback, a.DueUtc, a.TimeLimitMinutes }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var feedbackFrom = assignment is { Feedback: Courses.FeedbackMode.AfterDue } ? assignment.DueUtc : (DateTime?)null;
        // The time limit runs from the attempt's start, also while the student is away.
        var deadline = assignment?.TimeLimitMinutes is { } minutes ? session.CreatedUtc.AddMinutes(minutes) : (DateTime?)null;
        return new SessionView(session.Id, session.StudentId, session.Mode, session.Status, session.Title, session.CurrentPosition,
            views, answers, session.MockStartedUtc, MockTimeline.ParseEarlyEnds(session.MockEarlyEnds), feedbackFrom, session.AssignmentId, deadline);
    }

    public async Task<IReadOnlyList<SessionSummary>> RecentAsync(string studentId, int count, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PracticeSessions.AsNoTracking().Where(s => s.StudentId == studentId)
            .OrderByDescending(s => s.UpdatedUtc).Take(count)
            .Select(s => new SessionSummary(s.Id, s.Mode, s.Status, s.Title, s.Items.Count, s.UpdatedUtc,
                db.Answers.Count(a => a.SessionId == s.Id && a.IsFinal), db.Answers.Count(a => a.SessionId == s.Id && a.IsCorrect == true)))
            .ToListAsync(cancellationToken);
    }

    // Grades and stores one answer. `view` was loaded for this student, so ownership is already settled.
    public Task<SubmitResult> SubmitAsync(SessionView view, ItemView item, int questionNumber, string response, int timeSpentMs, bool final = true,
        CancellationToken cancellationToken = default)
    {
        if (view.Status == SessionStatus.Completed) return Task.FromResult(Refuse("这次练习已经结束，不能再修改答案。"));
        var position = view.Items.First(i => i.Item.Id == item.Id);
        if (view.IsMock && MockLocked(view, position.Part, clock.GetUtcNow().UtcDateTime)) return Task.FromResult(Refuse("这一部分的时间已到，答案已锁定。"));
        if (view.TimeIsUp(clock.GetUtcNow().UtcDateTime)) return Task.FromResult(Refuse("这份作业的限时已到，不能再作答。请交卷。"));
        return StoreAsync(view, item, questionNumber, response, timeSpentMs, final, cancellationToken);
    }

    private async Task<SubmitResult> StoreAsync(SessionView view, ItemView item, int questionNumber, string response, int timeSpentMs, bool final,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var question = item.Draft.Questions.Count >= questionNumber && questionNumber > 0 ? item.Draft.Questions[questionNumber - 1] : null;
        var questionId = item.QuestionId(questionNumber);

        bool? correct = null;
        double? score = null;
        string? gradeJson = null;
        EssayGrade? grade = null;
        double max;
        if (ItemTypes.IsConstructedResponse(item.Type))
        {
            max = ExamScale.HolisticMax;
            if (final)
            {
                grade = await essays.GradeAsync(item, response, view.StudentId, view.AssignmentId is not null, cancellationToken);
                score = grade.Score;
                gradeJson = JsonSerializer.Serialize(grade, GradeJson);
            }
        }
        else
        {
            var graded = AnswerGrader.Grade(item.Type, question!, response);
            (correct, score, max) = (graded.Correct, graded.Score, graded.Max);
        }

        var answer = new Answer
        {
            SessionId = view.Id, StudentId = view.StudentId, ItemId = item.Id, QuestionId = questionId, QuestionNumber = questionNumber,
            Response = response, IsFinal = final, IsCorrect = correct, Score = score, MaxScore = max, GradeJson = gradeJson,
            TimeSpentMs = Math.Max(0, timeSpentMs) + (view.AnswersByQuestion.TryGetValue(questionId, out var earlier) ? earlier.TimeSpentMs : 0),
            AnsweredUtc = now,
        };
        Mistake? mistake = final && correct == false
            ? new Mistake
            {
                StudentId = view.StudentId, ItemId = item.Id, QuestionId = questionId, QuestionNumber = questionNumber,
                Cause = AnswerGrader.CauseOf(item.Type, question!.Stem), Response = response, CreatedUtc = now,
            }
            : null;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            // A graded essay also keeps its review row in step; both commit together.
            await using var transaction = grade is null ? null : await db.Database.BeginTransactionAsync(cancellationToken);
            await AnswerWriter.SaveAsync(db, answer, Math.Max(0, timeSpentMs), mistake, cancellationToken);
            if (transaction is not null)
            {
                await essays.RecordReviewAsync(db, view.Id, questionId, item, grade!, now, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        view.AnswersByQuestion[questionId] = answer;
        if (final) activity?.Publish(new PracticeActivity(view.StudentId, view.Id, view.AssignmentId, PracticeActivityKind.Answered));
        return new SubmitResult(true, correct, score, max, null, answer);
    }

    public async Task MoveAsync(SessionView view, int position, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stub = new PracticeSession { Id = view.Id, StudentId = view.StudentId };
        db.PracticeSessions.Attach(stub);
        stub.CurrentPosition = Math.Clamp(position, 0, Math.Max(0, view.Items.Count - 1));
        stub.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    // Listening in a mock plays once: the play is recorded before the audio starts, and refused after that.
    public async Task<bool> StartListeningAsync(SessionView view, int position, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.SessionItems.Where(i => i.SessionId == view.Id && i.Position == position);
        if (view.IsMock) query = query.Where(i => i.ListeningPlays == 0);
        return await query.ExecuteUpdateAsync(s => s.SetProperty(i => i.ListeningPlays, i => i.ListeningPlays + 1), cancellationToken) == 1;
    }

    // Hands in the current mock part before its time is up; its answers lock and the next part starts.
    public async Task HandInPartAsync(SessionView view, int part, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ends = view.MockEarlyEnds.ToList();
        while (ends.Count <= part) ends.Add(null);
        ends[part] ??= now;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.PracticeSessions.Where(s => s.Id == view.Id && s.StudentId == view.StudentId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.MockEarlyEnds, MockTimeline.FormatEarlyEnds(ends)).SetProperty(x => x.UpdatedUtc, now), cancellationToken);
    }

    // Ends the session: drafts of writing and translation are graded as they stand.
    public async Task CompleteAsync(SessionView view, CancellationToken cancellationToken = default)
    {
        foreach (var entry in view.Items.Where(i => ItemTypes.IsConstructedResponse(i.Item.Type)))
        {
            var questionId = entry.Item.QuestionId(1);
            if (view.AnswersByQuestion.TryGetValue(questionId, out var draft) && !draft.IsFinal)
            {
                // Graded as it stood when time ran out or the student finished; the part lock does not apply.
                await StoreAsync(view, entry.Item, 1, draft.Response, 0, final: true, cancellationToken);
            }
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.PracticeSessions.Where(s => s.Id == view.Id && s.StudentId == view.StudentId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SessionStatus.Completed).SetProperty(x => x.CompletedUtc, now).SetProperty(x => x.UpdatedUtc, now), cancellationToken);
        activity?.Publish(new PracticeActivity(view.StudentId, view.Id, view.AssignmentId, PracticeActivityKind.Completed));
    }

    // Resolves the mistakes of a question answered right again (mistakes practice).
    public async Task ResolveMistakesAsync(string studentId, int itemId, int questionNumber, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Mistakes.Where(m => m.StudentId == studentId && m.ItemId == itemId && m.QuestionNumber == questionNumber && m.ResolvedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ResolvedUtc, now), cancellationToken);
    }

    public static bool MockLocked(SessionView view, int part, DateTime nowUtc)
    {
        if (view.MockStartedUtc is not { } started) return false;
        var timeline = MockTimeline.At(started, view.MockEarlyEnds, nowUtc);
        return timeline.Parts[part].Locked || timeline.CurrentPart < part;
    }

    private static SubmitResult Refuse(string why) => new(false, null, null, 0, why, null);
}

public sealed record SessionSummary(int Id, PracticeMode Mode, SessionStatus Status, string Title, int Items, DateTime UpdatedUtc, int Answered, int Correct);
