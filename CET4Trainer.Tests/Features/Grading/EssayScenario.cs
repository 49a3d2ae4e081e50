using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Tests.Features.Grading;

// A course whose assignment has one writing and one translation item, and students who answer it.
internal sealed class EssayScenario(IDbContextFactory<AppDbContext> contexts, CourseService courses, AssignmentService assignments,
    SessionStarter starter, PracticeService practice, TimeProvider clock)
{
    public async Task<(int CourseId, int AssignmentId)> CourseAsync(Viewer teacher, params string[] students)
    {
        var (courseId, _) = await courses.CreateAsync($"写作班 {Guid.NewGuid():N}"[..12], teacher);
        var code = (await courses.GetAsync(courseId!.Value, teacher))!.JoinCode;
        foreach (var student in students) await courses.JoinAsync(student, code);
        await using var db = await contexts.CreateDbContextAsync();
        var writing = await db.Items.Where(i => i.Type == ItemType.Writing && i.Status == ItemStatus.Published && i.OwnerId == null).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
        var translation = await db.Items.Where(i => i.Type == ItemType.Translation && i.Status == ItemStatus.Published && i.OwnerId == null).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var (assignmentId, error) = await assignments.CreateAsync(
            new NewAssignment(courseId.Value, "第三周写作与翻译", [writing, translation], now.AddHours(-1), now.AddDays(7), 1, FeedbackMode.Immediate), teacher);
        Assert.Null(error);
        return (courseId.Value, assignmentId!.Value);
    }

    // Answers every item with its reference text cut to `words` words; returns the stored answers.
    public async Task<List<Answer>> AnswerAsync(string student, int assignmentId, int words = 400)
    {
        var start = await starter.StartAssignmentAsync(student, assignmentId);
        Assert.Null(start.Error);
        var view = (await practice.LoadAsync(start.SessionId!.Value, student))!;
        var answers = new List<Answer>();
        foreach (var entry in view.Items)
        {
            var text = string.Join(' ', (entry.Item.Draft.Reference ?? "").Split(' ').Take(words));
            var result = await practice.SubmitAsync(view, entry.Item, 1, text, 60_000);
            Assert.True(result.Accepted, result.Refusal);
            answers.Add(result.Answer!);
        }
        await using var db = await contexts.CreateDbContextAsync();
        var ids = answers.Select(a => a.QuestionId).ToList();
        return await db.Answers.AsNoTracking().Where(a => a.SessionId == view.Id && ids.Contains(a.QuestionId)).OrderBy(a => a.Id).ToListAsync();
    }
}
