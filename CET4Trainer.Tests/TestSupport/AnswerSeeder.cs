using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;
using CET4Trainer.Core.Features.Scoring;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Tests.TestSupport;

// Writes practice history straight into the database: one completed session per call, answering the
// item's questions in order, right or wrong as told.
public static class AnswerSeeder
{
    public static async Task AnswerAsync(IDbContextFactory<AppDbContext> contexts, string studentId, int itemId, IReadOnlyList<bool> correct, DateTime atUtc,
        string? response = null, int? assignmentId = null)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var item = await db.Items.AsNoTracking().Include(i => i.Questions).FirstAsync(i => i.Id == itemId);
        var session = new PracticeSession
        {
            StudentId = studentId, Mode = assignmentId is null ? PracticeMode.Drill : PracticeMode.Assignment, AssignmentId = assignmentId,
            Status = SessionStatus.Completed, Title = "seeded", CreatedUtc = atUtc, UpdatedUtc = atUtc, CompletedUtc = atUtc,
            Items = [new SessionItem { Position = 0, ItemId = itemId }],
        };
        db.PracticeSessions.Add(session);
        await db.SaveChangesAsync();
        var essay = ItemTypes.IsConstructedResponse(item.Type);
        var questions = item.Questions.OrderBy(q => q.Number).ToList();
        for (var i = 0; i < Math.Min(correct.Count, questions.Count); i++)
        {
            var q = questions[i];
            var max = essay ? ExamScale.HolisticMax : ExamScale.RawPointsPerQuestion(item.Type);
            db.Answers.Add(new Answer
            {
                SessionId = session.Id, StudentId = studentId, ItemId = itemId, QuestionId = q.Id, QuestionNumber = q.Number,
                Response = response ?? (correct[i] ? q.Answer : Wrong(q.Answer)), IsFinal = true, IsCorrect = essay ? null : correct[i],
                Score = essay ? (correct[i] ? 12 : 4) : correct[i] ? max : 0, MaxScore = max, AnsweredUtc = atUtc,
            });
        }
        await db.SaveChangesAsync();
    }

    public static bool[] Results(int right, int wrong) => [.. Enumerable.Repeat(true, right), .. Enumerable.Repeat(false, wrong)];

    private static string Wrong(string answer) => answer == "A" ? "B" : "A";
}
