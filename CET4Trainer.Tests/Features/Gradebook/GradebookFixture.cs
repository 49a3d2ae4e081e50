using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Gradebook;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Tests.Features.Gradebook;

// One migrated SQLite file with the bundled items and a fixed clock; each test makes its own people and course.
public sealed class GradebookFixture : IAsyncLifetime
{
    public SqliteTestDatabase Database { get; } = new();

    public FixedClock Clock { get; } = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));

    public DateTime Now => Clock.Now.UtcDateTime;

    public CourseService Courses => new(Database, Clock);

    public AssignmentService Assignments => new(Database, Clock);

    public GradebookService Gradebooks => new(Database, Clock);

    public async ValueTask InitializeAsync() => await PracticeServices.LoadBundledContentAsync(Database);

    public async Task<Viewer> PersonAsync(string name, bool admin = false)
    {
        var user = await Database.AddUserAsync($"{Guid.NewGuid():N}@example.edu.cn");
        await using var db = Database.CreateDbContext();
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, name));
        return new Viewer(user.Id, admin);
    }

    public async Task<(int Id, string Code)> CourseAsync(Viewer teacher, params Viewer[] students)
    {
        var (id, error) = await Courses.CreateAsync($"英语 {Guid.NewGuid():N}"[..10], teacher);
        Assert.Null(error);
        var code = (await Courses.GetAsync(id!.Value, teacher))!.JoinCode;
        foreach (var s in students) await Courses.JoinAsync(s.UserId, code);
        return (id.Value, code);
    }

    // A published item of the type and how many questions it has.
    public async Task<(int Id, int Questions)> ItemAsync(ItemType type)
    {
        await using var db = Database.CreateDbContext();
        var item = await db.Items.Where(i => i.Type == type && i.Status == ItemStatus.Published && i.OwnerId == null).OrderBy(i => i.Id)
            .Select(i => new { i.Id, Questions = i.Questions.Count }).FirstAsync();
        return (item.Id, item.Questions);
    }

    public async Task<int> AssignmentAsync(int courseId, Viewer teacher, string title, int itemId, DateTime dueUtc, int attempts = 3)
    {
        var (id, error) = await Assignments.CreateAsync(new NewAssignment(courseId, title, [itemId], dueUtc.AddDays(-7), dueUtc, attempts, FeedbackMode.Immediate), teacher);
        Assert.Null(error);
        return id!.Value;
    }

    public ValueTask DisposeAsync()
    {
        Database.Dispose();
        return ValueTask.CompletedTask;
    }
}
