using System.Net;
using System.Text.RegularExpressions;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Data.Seeding;
using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Demo;
using CET4Trainer.Core.Features.Grading;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;
using CET4Trainer.Core.Hosting;
using CET4Trainer.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CET4Trainer.Tests.Features.Demo;

// The demo class on a real SQLite file, as the app creates it on first start.
public sealed partial class DemoClassSeederTests
{
    // Yesterday at 22:30 in Shanghai: an evening, so today's sittings are partly done, and never ahead of
    // the real clock (login cookies are issued by the app's clock).
    internal static readonly DateTimeOffset Now = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-1).AddHours(14).AddMinutes(30), TimeSpan.Zero);

    internal static Cet4AppFactory DemoApp() => new Cet4AppFactory()
        .With("Seed:DemoClass", "true")
        .WithServices(s => s.AddSingleton<TimeProvider>(new FixedClock(Now)));

    [Fact]
    public async Task DemoTeacher_OwnsAClassOfThirtyStudents_WhoCanLogInWithTheDemoPassword()
    {
        await using var app = DemoApp();
        app.CreateClient();
        await using var db = await Contexts(app).CreateDbContextAsync(TestContext.Current.CancellationToken);

        var teacher = await db.Users.SingleAsync(u => u.Email == "teacher@cet4.local", TestContext.Current.CancellationToken);
        var course = await db.Courses.SingleAsync(c => c.TeacherId == teacher.Id, TestContext.Current.CancellationToken);
        Assert.Equal(DemoRoster.CourseName, course.Name);
        Assert.Matches("^[A-Z2-9]{6}$", course.JoinCode);
        var members = await db.CourseMembers.Where(m => m.CourseId == course.Id && m.RemovedUtc == null)
            .Join(db.Users, m => m.StudentId, u => u.Id, (m, u) => u).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(30, members.Count);
        Assert.Equal(Enumerable.Range(1, 30).Select(i => $"student{i:00}@cet4.local"), members.Select(u => u.Email).Order());
        Assert.Equal(30, members.Select(u => u.DisplayName).Distinct().Count());
        Assert.All(members, u => Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}{3}$", u.DisplayName!));

        var users = app.Services.CreateScope().ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var u in members) Assert.True(await users.IsInRoleAsync(u, "Student"));
        var login = await FormLogin.LoginAsync(app.CreateClient(new() { AllowAutoRedirect = false }), "student17@cet4.local", app.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var refused = await FormLogin.LoginAsync(app.CreateClient(new() { AllowAutoRedirect = false }), "student17@cet4.local", app.DemoPassword + "x");
        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
    }

    [Fact]
    public async Task History_SpansThreeWeeksOfEvenings_NothingInTheFuture_AndAbilityVaries()
    {
        await using var app = DemoApp();
        app.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        await using var db = await Contexts(app).CreateDbContextAsync(ct);
        var local = app.Services.GetRequiredService<LocalClock>();
        var now = Now.UtcDateTime;
        var students = await StudentsAsync(db, ct);
        var answers = await db.Answers.AsNoTracking().Where(a => students.Keys.Contains(a.StudentId)).ToListAsync(ct);

        Assert.InRange(answers.Count, 2000, 20000);
        Assert.All(answers, a => Assert.True(a.AnsweredUtc <= now, $"answer at {a.AnsweredUtc:u} is after now {now:u}"));
        Assert.InRange((now - answers.Min(a => a.AnsweredUtc)).TotalDays, 18, 22);
        Assert.True((now - answers.Max(a => a.AnsweredUtc)).TotalDays < 1);
        var sessions = await db.PracticeSessions.AsNoTracking().Where(s => students.Keys.Contains(s.StudentId)).ToListAsync(ct);
        Assert.All(sessions, s => Assert.True(s.UpdatedUtc <= now && (s.CompletedUtc ?? s.UpdatedUtc) <= now && s.CreatedUtc <= s.UpdatedUtc));
        // Every day of the three weeks has some practice.
        var days = answers.Select(a => DateOnly.FromDateTime(local.ToLocal(a.AnsweredUtc))).Distinct().Count();
        Assert.InRange(days, 20, 23);
        // Mostly evenings (plus lunch breaks and weekend afternoons), and never in the small hours.
        var hours = answers.Select(a => local.ToLocal(a.AnsweredUtc).Hour).ToList();
        Assert.True(hours.Count(h => h >= 19) > hours.Count / 2, "most practice is in the evening");
        Assert.DoesNotContain(hours, h => h is >= 1 and < 11);
        var objective = answers.Where(a => a.IsCorrect != null).ToList();
        Assert.All(objective, a => Assert.InRange(a.TimeSpentMs, 5_000, 300_000));
        Assert.All(answers.Where(a => a.IsCorrect == null), a => Assert.InRange(a.TimeSpentMs, 5 * 60_000, 60 * 60_000));

        // Ability differs: the best and worst student are far apart, and the class as a whole is plausible.
        var accuracy = objective.GroupBy(a => a.StudentId).ToDictionary(g => g.Key, g => g.Average(a => a.IsCorrect == true ? 1.0 : 0.0));
        Assert.Equal(30, accuracy.Count);
        Assert.True(accuracy.Values.Max() - accuracy.Values.Min() >= 0.25, $"accuracy from {accuracy.Values.Min():P0} to {accuracy.Values.Max():P0}");
        Assert.InRange(objective.Average(a => a.IsCorrect == true ? 1.0 : 0.0), 0.45, 0.85);

        // Each student's weak types show: on average well below their accuracy elsewhere.
        var types = await db.Items.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Type, ct);
        var roster = DemoRoster.Create(new Random(DemoClassSeeder.Seed)).ToDictionary(s => s.Email);
        var gaps = new List<double>();
        foreach (var (id, email) in students)
        {
            var weak = roster[email].WeakTypes;
            var own = objective.Where(a => a.StudentId == id).ToList();
            var onWeak = own.Where(a => weak.Contains(types[a.ItemId])).ToList();
            if (onWeak.Count < 10) continue;
            gaps.Add(own.Except(onWeak).Average(a => a.IsCorrect == true ? 1.0 : 0.0) - onWeak.Average(a => a.IsCorrect == true ? 1.0 : 0.0));
        }
        Assert.True(gaps.Count >= 15);
        Assert.True(gaps.Average() > 0.12, $"weak types are {gaps.Average():P0} worse on average");

        // Wrong answers are in the mistakes notebook, with their cause; some have since been put right.
        var mistakes = await db.Mistakes.AsNoTracking().Where(m => students.Keys.Contains(m.StudentId)).ToListAsync(ct);
        Assert.Equal(objective.Count(a => a.IsCorrect == false), mistakes.Count);
        Assert.Contains(mistakes, m => m.ResolvedUtc != null);
        Assert.All(mistakes.Where(m => m.ResolvedUtc != null), m => Assert.True(m.ResolvedUtc > m.CreatedUtc && m.ResolvedUtc <= now));
        Assert.True(mistakes.Select(m => m.Cause).Distinct().Count() >= 3);
    }

    [Fact]
    public async Task Coursework_HasPastAndOpenAssignments_MissingAndLateWork_AndEssaysAwaitingReview()
    {
        await using var app = DemoApp();
        app.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        await using var db = await Contexts(app).CreateDbContextAsync(ct);
        var now = Now.UtcDateTime;
        var course = await db.Courses.SingleAsync(c => c.Name == DemoRoster.CourseName, ct);
        var assignments = await db.Assignments.AsNoTracking().Include(a => a.Items).Where(a => a.CourseId == course.Id).ToListAsync(ct);

        Assert.Equal(5, assignments.Count(a => a.DueUtc < now));
        Assert.Equal(2, assignments.Count(a => a.OpenUtc <= now && a.DueUtc > now));
        Assert.All(assignments, a => Assert.NotEmpty(a.Items));
        Assert.All(assignments, a => Assert.False(a.IsDraft));
        var itemIds = assignments.SelectMany(a => a.Items).Select(i => i.ItemId).ToList();
        Assert.Equal(itemIds.Count, itemIds.Distinct().Count());

        var sessions = await db.PracticeSessions.AsNoTracking().Where(s => s.AssignmentId != null).ToListAsync(ct);
        var past = assignments.Where(a => a.DueUtc < now).ToList();
        var done = sessions.Where(s => s.Status == SessionStatus.Completed).Select(s => (s.StudentId, s.AssignmentId!.Value)).ToHashSet();
        var missing = past.Sum(a => 30 - done.Count(d => d.Value == a.Id));
        Assert.InRange(missing, 5, 60);
        var late = sessions.Count(s => s.CompletedUtc > past.FirstOrDefault(a => a.Id == s.AssignmentId)?.DueUtc);
        Assert.InRange(late, 5, 60);
        Assert.All(sessions, s => Assert.True(s.CreatedUtc >= assignments.Single(a => a.Id == s.AssignmentId).OpenUtc));
        // One attempt each, as the assignments allow.
        Assert.Equal(sessions.Count, sessions.Select(s => (s.StudentId, s.AssignmentId)).Distinct().Count());
        // Open assignments: some students are done, some have started, the rest have not begun.
        var open = assignments.Where(a => a.DueUtc > now).Select(a => a.Id).ToList();
        Assert.Contains(sessions, s => open.Contains(s.AssignmentId!.Value) && s.Status == SessionStatus.Completed);
        Assert.Contains(sessions, s => open.Contains(s.AssignmentId!.Value) && s.Status == SessionStatus.Active);

        // Writing and translation were graded by the offline estimate; recent course essays wait for the
        // teacher, older ones have been marked.
        var essays = await db.Answers.AsNoTracking().Where(a => a.IsCorrect == null).ToListAsync(ct);
        Assert.All(essays, a =>
        {
            var grade = PracticeService.ReadGrade(a)!;
            Assert.True(grade.IsOffline);
            Assert.Equal(a.Score, grade.Score);
            Assert.InRange(grade.Score, 0, 15);
        });
        Assert.True(essays.Select(a => a.Score).Distinct().Count() >= 5, "essay scores vary");
        var reviews = await db.EssayReviews.AsNoTracking().ToListAsync(ct);
        var pending = reviews.Where(r => r.Status == ReviewStatus.Pending).ToList();
        Assert.True(pending.Count >= 10);
        Assert.All(reviews, r => Assert.Contains(r.AssignmentId!.Value, assignments.Select(a => a.Id)));
        Assert.All(reviews, r => Assert.Contains(essays, a => a.Id == r.AnswerId && a.StudentId == r.StudentId && a.ItemId == r.ItemId));
        var decided = reviews.Where(r => r.Status != ReviewStatus.Pending).ToList();
        Assert.NotEmpty(decided);
        Assert.All(decided, r =>
        {
            var grade = PracticeService.ReadGrade(essays.Single(a => a.Id == r.AnswerId))!;
            Assert.Equal(r.TeacherScore, grade.Teacher!.Score);
            Assert.Equal(r.Status == ReviewStatus.Overridden, r.TeacherScore != r.AiScore);
            Assert.True(r.ReviewedUtc <= now);
        });

        // The real review service shows the teacher the queue.
        var teacherId = course.TeacherId;
        var queue = await app.Services.GetRequiredService<EssayReviewService>().ListAsync(new Viewer(teacherId, false), pending: true, cancellationToken: ct);
        Assert.Equal(pending.Count, queue.Pending);
        Assert.Equal(decided.Count, queue.Decided);
        Assert.NotEmpty(queue.Rows);
    }

    [Fact]
    public async Task SecondStart_ChangesNothing()
    {
        await using var app = DemoApp();
        app.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var before = await CountsAsync(app, ct);

        await using (var again = new Cet4AppFactory().With("Seed:DemoClass", "true").With("Seed:DemoPassword", app.DemoPassword)
            .With("Database:ConnectionString", $"Data Source={app.Folder.File("cet4.db")}"))
        {
            again.CreateClient();
            Assert.Equal(before, await CountsAsync(again, ct));
            Assert.DoesNotContain("Created the demo class", again.Logs.All);
        }
        using var scope = app.Services.CreateScope();
        foreach (var seeder in scope.ServiceProvider.GetServices<ISeeder>()) await seeder.SeedAsync(ct);
        Assert.Equal(before, await CountsAsync(app, ct));
        Assert.Contains("Created the demo class: 30 students", app.Logs.All);
    }

    [Fact]
    public async Task DemoDataOff_CreatesNoClass()
    {
        await using var app = new Cet4AppFactory().With("Seed:DemoData", "false").With("Seed:DemoClass", "true");
        app.CreateClient();
        await using var db = await Contexts(app).CreateDbContextAsync(TestContext.Current.CancellationToken);

        Assert.False(await db.Courses.AnyAsync(TestContext.Current.CancellationToken));
        Assert.False(await db.Users.AnyAsync(TestContext.Current.CancellationToken));
        Assert.False(await db.Answers.AnyAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task DatabaseInUse_IsLeftAlone_EvenWithDemoClassTurnedOn()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var first = new Cet4AppFactory();
        first.CreateClient();
        await using (var db = await Contexts(first).CreateDbContextAsync(ct))
        {
            var teacher = await db.Users.SingleAsync(u => u.Email == "teacher@cet4.local", ct);
            db.Courses.Add(new Course { Name = "真实班级", TeacherId = teacher.Id, JoinCode = "REAL22" });
            await db.SaveChangesAsync(ct);
        }

        await using var later = new Cet4AppFactory().With("Seed:DemoClass", "true").With("Seed:DemoPassword", first.DemoPassword)
            .With("Database:ConnectionString", $"Data Source={first.Folder.File("cet4.db")}");
        later.CreateClient();
        await using var check = await Contexts(later).CreateDbContextAsync(ct);

        Assert.Equal(["真实班级"], await check.Courses.Select(c => c.Name).ToListAsync(ct));
        Assert.Equal(3, await check.Users.CountAsync(ct));
        Assert.False(await check.PracticeSessions.AnyAsync(ct));
    }

    [Fact]
    public async Task SeedingTime_IsReported_AndShort()
    {
        await using var app = DemoApp();
        app.CreateClient();

        var line = app.Logs.Lines.Single(l => l.Contains("Created the demo class", StringComparison.Ordinal));
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        var match = Timing().Match(line);
        Assert.True(match.Success, line);
        var cpu = int.Parse(match.Groups[2].Value);
        // CPU time, not the wall clock, so a machine busy with other work does not fail the test. The bound
        // is a guard against runaway work (a loop gone quadratic), not the target, which is far lower.
        Assert.InRange(cpu, 1, 15_000);
        Assert.True(int.Parse(match.Groups[1].Value) >= cpu / 4);
    }

    internal static IDbContextFactory<AppDbContext> Contexts(Cet4AppFactory app) => app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    internal static async Task<Dictionary<string, string>> StudentsAsync(AppDbContext db, CancellationToken ct)
    {
        var course = await db.Courses.SingleAsync(c => c.Name == DemoRoster.CourseName, ct);
        return await db.CourseMembers.Where(m => m.CourseId == course.Id).Join(db.Users, m => m.StudentId, u => u.Id, (m, u) => u)
            .ToDictionaryAsync(u => u.Id, u => u.Email!, ct);
    }

    internal static async Task<string> CountsAsync(Cet4AppFactory app, CancellationToken ct)
    {
        await using var db = await Contexts(app).CreateDbContextAsync(ct);
        return string.Join(",", await db.Users.CountAsync(ct), await db.Courses.CountAsync(ct), await db.CourseMembers.CountAsync(ct),
            await db.Assignments.CountAsync(ct), await db.PracticeSessions.CountAsync(ct), await db.Answers.CountAsync(ct),
            await db.Mistakes.CountAsync(ct), await db.EssayReviews.CountAsync(ct));
    }

    [GeneratedRegex(@"in (\d+) ms, (\d+) ms CPU")]
    private static partial Regex Timing();
}
