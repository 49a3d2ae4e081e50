using CET4Trainer.Core.Features.Analytics;
using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Hosting;
using CET4Trainer.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Tests.Features.Analytics;

// Two teachers' courses on a real SQLite file at a fixed time (Sunday 22 November 2026, 20:00 in Shanghai).
// Course one: 安安 answered a careful-reading item 4 of 5 two days ago and 0 of 5 forty days ago; 博博 1 of 5
// three days ago in free practice and 5 of 5 yesterday in the course's assignment; 猫猫 has not practised.
// Course two (another teacher): 夏夏 answered 5 of 5 yesterday.
public sealed class AnalyticsScenario : IDisposable
{
    public SqliteTestDatabase Database { get; } = new();
    public FixedClock Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    public Viewer Teacher { get; private set; } = default!;
    public Viewer OtherTeacher { get; private set; } = default!;
    public int CourseId { get; private set; }
    public int OtherCourseId { get; private set; }
    public string Ann { get; private set; } = "";
    public string Bob { get; private set; } = "";
    public string Cat { get; private set; } = "";
    public string Xia { get; private set; } = "";
    public int CarefulItem { get; private set; }
    public int AssignmentId { get; private set; }
    public CourseService Courses { get; private set; } = default!;

    public LocalClock LocalClock => new(Clock, Options.Create(new LocaleOptions()));

    public AnalyticsService Service => new(Database, LocalClock);

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public static async Task<AnalyticsScenario> CreateAsync()
    {
        var s = new AnalyticsScenario();
        await s.SeedAsync();
        return s;
    }

    private async Task SeedAsync()
    {
        await PracticeServices.LoadBundledContentAsync(Database);
        Courses = new CourseService(Database, Clock);
        Teacher = new Viewer((await Database.AddUserAsync("stats-teacher@example.edu.cn")).Id, false);
        OtherTeacher = new Viewer((await Database.AddUserAsync("stats-other@example.edu.cn")).Id, false);
        CourseId = (await Courses.CreateAsync("统计一班", Teacher)).Id!.Value;
        OtherCourseId = (await Courses.CreateAsync("统计二班", OtherTeacher)).Id!.Value;
        Ann = await StudentAsync("安安", CourseId);
        Bob = await StudentAsync("博博", CourseId);
        Cat = await StudentAsync("猫猫", CourseId);
        Xia = await StudentAsync("夏夏", OtherCourseId);

        await using (var db = Database.CreateDbContext())
        {
            CarefulItem = await db.Items.Where(i => i.Type == ItemType.CarefulReading).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
            var assignment = new Assignment
            {
                CourseId = CourseId, Title = "第一周阅读", OpenUtc = Now.AddDays(-7), DueUtc = Now.AddDays(1), CreatedUtc = Now.AddDays(-7),
                Items = [new AssignmentItem { Position = 0, ItemId = CarefulItem }],
            };
            db.Assignments.Add(assignment);
            await db.SaveChangesAsync();
            AssignmentId = assignment.Id;
        }
        await AnswerSeeder.AnswerAsync(Database, Ann, CarefulItem, AnswerSeeder.Results(4, 1), Now.AddDays(-2));
        await AnswerSeeder.AnswerAsync(Database, Ann, CarefulItem, AnswerSeeder.Results(0, 5), Now.AddDays(-40));
        await AnswerSeeder.AnswerAsync(Database, Bob, CarefulItem, AnswerSeeder.Results(1, 4), Now.AddDays(-3));
        await AnswerSeeder.AnswerAsync(Database, Bob, CarefulItem, AnswerSeeder.Results(5, 0), Now.AddDays(-1), assignmentId: AssignmentId);
        await AnswerSeeder.AnswerAsync(Database, Xia, CarefulItem, AnswerSeeder.Results(5, 0), Now.AddDays(-1));
    }

    public async Task<string> StudentAsync(string name, int courseId)
    {
        var user = await Database.AddUserAsync($"{Guid.NewGuid():N}@example.edu.cn");
        await using (var db = Database.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, name));
        }
        await using (var db = Database.CreateDbContext())
        {
            db.CourseMembers.Add(new CourseMember { CourseId = courseId, StudentId = user.Id, JoinedUtc = Now.AddDays(-60) });
            await db.SaveChangesAsync();
        }
        return user.Id;
    }

    public void Dispose() => Database.Dispose();
}
