using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Data.Seeding;
using CET4Trainer.Core.Features.Accounts;
using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Grading;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;
using CET4Trainer.Core.Features.Scoring;
using CET4Trainer.Core.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Core.Features.Demo;

// Gives the demo teacher a class of 30 demo students with three weeks of practice, so the teacher's
// pages have something to show on first start. Runs after the demo accounts and the bundled items,
// only with Seed:DemoData on, and only while the demo teacher has no demo class: a real database,
// or a second start, is never touched. Everything goes in as one transaction.
internal sealed partial class DemoClassSeeder(
    IDbContextFactory<AppDbContext> contexts,
    IOptions<SeedOptions> options,
    IOptions<GradingOptions> grading,
    ILookupNormalizer normalizer,
    GradeWriting writing,
    GradeTranslation translation,
    LocalClock local,
    ILogger<DemoClassSeeder> logger) : ISeeder
{
    // Fixed, so the demo class is the same on every machine and tests can rely on its shape.
    public const int Seed = 20260614;

    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.DemoData || !options.Value.DemoClass) return;
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var teacherEmail = normalizer.NormalizeEmail(DemoAccountSeeder.Accounts.First(a => a.Role == Roles.Teacher).Email);
        var studentEmail = normalizer.NormalizeEmail(DemoAccountSeeder.Accounts.First(a => a.Role == Roles.Student).Email);
        var teacher = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == teacherEmail, cancellationToken);
        var template = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == studentEmail, cancellationToken);
        if (teacher is null || template?.PasswordHash is null) return;
        // A database with any course in it is in use (or has its demo class already): leave it be.
        if (await db.Courses.AnyAsync(cancellationToken)) return;
        var firstEmail = normalizer.NormalizeEmail(DemoRoster.EmailOf(1));
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == firstEmail, cancellationToken))
        {
            LogClassGone();
            return;
        }
        var studentRole = await db.Roles.Where(r => r.Name == Roles.Student).Select(r => r.Id).FirstAsync(cancellationToken);
        var items = await db.Items.AsNoTracking().Include(i => i.Questions)
            .Where(i => i.Source == ItemSource.Bundled && i.Status == ItemStatus.Published && i.OwnerId == null)
            .OrderBy(i => i.Id).ToListAsync(cancellationToken);
        if (items.Count == 0) return;

        var random = new Random(Seed);
        var now = local.Now().UtcDateTime;
        var since = now.AddDays(-DemoHistory.Days - 2);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The demo students share the demo password: the demo student's hash is copied, so no
        // password is hashed thirty times (Identity's hashing is deliberately slow).
        var students = DemoRoster.Create(random).Select(s => (Student: s, User: new ApplicationUser
        {
            UserName = s.Email, NormalizedUserName = normalizer.NormalizeName(s.Email), Email = s.Email,
            NormalizedEmail = normalizer.NormalizeEmail(s.Email), EmailConfirmed = true, DisplayName = s.Name,
            PasswordHash = template.PasswordHash, SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
            StudentNumber = $"2025{s.Number:0000}", CreatedUtc = since,
        })).ToList();
        db.Users.AddRange(students.Select(s => s.User));
        db.UserRoles.AddRange(students.Select(s => new IdentityUserRole<string> { UserId = s.User.Id, RoleId = studentRole }));
        var course = new Course { Name = DemoRoster.CourseName, TeacherId = teacher.Id, JoinCode = await JoinCodeAsync(db, cancellationToken), CreatedUtc = since };
        db.Courses.Add(course);
        await db.SaveChangesAsync(cancellationToken);
        db.CourseMembers.AddRange(students.Select(s => new CourseMember { CourseId = course.Id, StudentId = s.User.Id, JoinedUtc = since.AddHours(2) }));

        var plan = new DemoHistory(random, local).Build(course.Id, students.Select(s => (s.Student, s.User.Id)).ToList(), items.Select(DemoItem.From).ToList());
        var planned = watch.ElapsedMilliseconds;
        db.Assignments.AddRange(plan.Assignments);
        await db.SaveChangesAsync(cancellationToken);
        await InsertSessionsAsync(db, plan.Sessions, cancellationToken);
        var gradingFrom = watch.ElapsedMilliseconds;

        var reviews = new List<(EssayReview Review, Answer Answer)>();
        foreach (var s in plan.Sessions)
        {
            foreach (var (answer, item) in s.Essays)
            {
                var grade = await GradeAsync(item, answer.Response, courseWork: s.Assignment is not null, cancellationToken);
                answer.Score = grade.Score;
                answer.GradeJson = JsonSerializer.Serialize(grade, PracticeService.GradeJson);
                if (s.Assignment is { } assignment && grade.ReviewReasons != ReviewReasons.None)
                {
                    var review = Review(answer, item, assignment, grade);
                    Decide(review, answer, grade, teacher.Id, now, random);
                    reviews.Add((review, answer));
                }
            }
        }
        var grading = watch.ElapsedMilliseconds - gradingFrom;
        await InsertAnswersAsync(db, plan.Sessions, cancellationToken);
        // Essay answers get their ids back for the review rows (one per session and question).
        var studentIds = students.Select(s => s.User.Id).ToList();
        var essayIds = await db.Answers.Where(a => studentIds.Contains(a.StudentId) && a.IsCorrect == null)
            .Select(a => new { a.Id, a.SessionId, a.QuestionId }).ToDictionaryAsync(a => (a.SessionId, a.QuestionId), a => a.Id, cancellationToken);
        foreach (var (review, answer) in reviews) review.AnswerId = essayIds[(answer.SessionId, answer.QuestionId)];
        db.EssayReviews.AddRange(reviews.Select(r => r.Review));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogSeeded(students.Count, plan.Sessions.Count, plan.Sessions.Sum(s => s.Answers.Count), reviews.Count, watch.ElapsedMilliseconds,
            (long)(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds, planned, grading, watch.ElapsedMilliseconds - planned - grading);
    }

    // Sessions go in without ids; each is found again by its student and start time, made unique here
    // to the second (PostgreSQL keeps microseconds, so whole seconds compare the same on both providers).
    private static async Task InsertSessionsAsync(AppDbContext db, IReadOnlyList<DemoSession> sessions, CancellationToken cancellationToken)
    {
        var keys = new HashSet<(string, DateTime)>();
        foreach (var s in sessions.Select(s => s.Session))
        {
            var start = new DateTime(s.CreatedUtc.Ticks - s.CreatedUtc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
            while (!keys.Add((s.StudentId, start))) start = start.AddSeconds(-1);
            s.CreatedUtc = start;
        }
        await DemoBulkInsert.InsertAsync(db, "PracticeSessions",
            ["StudentId", "Mode", "Status", "Title", "CurrentPosition", "AssignmentId", "CreatedUtc", "UpdatedUtc", "CompletedUtc", "MockEarlyEnds"],
            sessions.Select(x => (x.Session, x.Assignment)).Select(x => new object?[]
            {
                x.Session.StudentId, (int)x.Session.Mode, (int)x.Session.Status, x.Session.Title, x.Session.CurrentPosition, x.Assignment?.Id,
                x.Session.CreatedUtc, x.Session.UpdatedUtc, x.Session.CompletedUtc, "",
            }),
            cancellationToken);
        var studentIds = sessions.Select(s => s.Session.StudentId).Distinct().ToList();
        var ids = await db.PracticeSessions.Where(s => studentIds.Contains(s.StudentId)).Select(s => new { s.Id, s.StudentId, s.CreatedUtc })
            .ToDictionaryAsync(s => (s.StudentId, s.CreatedUtc), s => s.Id, cancellationToken);
        foreach (var s in sessions)
        {
            s.Session.Id = ids[(s.Session.StudentId, s.Session.CreatedUtc)];
            foreach (var a in s.Answers) a.SessionId = s.Session.Id;
        }
        await DemoBulkInsert.InsertAsync(db, "SessionItems", ["SessionId", "Position", "ItemId", "Part", "ListeningPlays"],
            sessions.SelectMany(s => s.Session.Items.Select(i => new object?[] { s.Session.Id, i.Position, i.ItemId, i.Part, i.ListeningPlays })),
            cancellationToken);
    }

    private static async Task InsertAnswersAsync(AppDbContext db, IReadOnlyList<DemoSession> sessions, CancellationToken cancellationToken)
    {
        await DemoBulkInsert.InsertAsync(db, "Answers",
            ["SessionId", "StudentId", "ItemId", "QuestionId", "QuestionNumber", "Response", "IsFinal", "IsCorrect", "Score", "MaxScore", "GradeJson", "TimeSpentMs", "AnsweredUtc"],
            sessions.SelectMany(s => s.Answers).Select(a => new object?[]
                { a.SessionId, a.StudentId, a.ItemId, a.QuestionId, a.QuestionNumber, a.Response, a.IsFinal, a.IsCorrect, a.Score, a.MaxScore, a.GradeJson, a.TimeSpentMs, a.AnsweredUtc }),
            cancellationToken);
        await DemoBulkInsert.InsertAsync(db, "Mistakes",
            ["StudentId", "ItemId", "QuestionId", "QuestionNumber", "Cause", "Response", "CreatedUtc", "ResolvedUtc", "WordsAdded"],
            sessions.SelectMany(s => s.Mistakes).Select(m => new object?[]
                { m.StudentId, m.ItemId, m.QuestionId, m.QuestionNumber, (int)m.Cause, m.Response, m.CreatedUtc, m.ResolvedUtc, m.WordsAdded }),
            cancellationToken);
    }

    // The same offline estimate a student's submission gets when no AI provider answers.
    private async Task<EssayGrade> GradeAsync(DemoItem item, string response, bool courseWork, CancellationToken cancellationToken)
    {
        EssayGrade grade;
        if (item.Type == ItemType.Writing)
        {
            var input = new WritingInput(item.Passage, response, item.MinWords, item.MaxWords);
            grade = writing.ToGrade(Offline(await writing.RunOfflineAsync(input, cancellationToken), writing.PromptVersion), input);
        }
        else
        {
            var input = new TranslationInput(item.Passage, response, item.Reference);
            grade = translation.ToGrade(Offline(await translation.RunOfflineAsync(input, cancellationToken), translation.PromptVersion), input);
        }
        return grade with { ReviewReasons = ReviewRules.Reasons(grade, courseWork, grading.Value.ReviewBelowConfidence) };
    }

    private static AiResult<GradingAnswer> Offline(GradingAnswer answer, int promptVersion) =>
        new(answer, AiEngines.Offline, null, promptVersion, AiUsage.None, 0, []);

    private static EssayReview Review(Answer answer, DemoItem item, Assignment assignment, EssayGrade grade) => new()
    {
        StudentId = answer.StudentId, ItemId = item.Id, Kind = item.Type, AssignmentId = assignment.Id, Reasons = grade.ReviewReasons,
        AiScore = grade.Score, AiBand = grade.Band, Engine = grade.Engine, Model = grade.Model, Status = ReviewStatus.Pending,
        CreatedUtc = answer.AnsweredUtc, UpdatedUtc = answer.AnsweredUtc,
    };

    // Work handed in more than a week ago has been marked by the teacher (mostly confirming, now and
    // then a point or two different); newer work waits in the queue.
    private static void Decide(EssayReview review, Answer answer, EssayGrade grade, string teacherId, DateTime now, Random random)
    {
        if (answer.AnsweredUtc > now.AddDays(-7)) return;
        var reviewed = answer.AnsweredUtc.AddDays(1 + random.NextDouble() * 2);
        if (reviewed > now) return;
        var score = random.NextDouble() < 0.3 ? Math.Clamp(review.AiScore + (random.Next(2) == 0 ? -1 : 1), 0, GradeMapper.MaxScore) : review.AiScore;
        var overridden = score != review.AiScore;
        review.Status = overridden ? ReviewStatus.Overridden : ReviewStatus.Confirmed;
        review.TeacherScore = score;
        review.ReviewerId = teacherId;
        review.Comment = overridden ? "结构清楚，但语言错误较多，已按档次调整。" : null;
        review.ReviewedUtc = reviewed;
        review.UpdatedUtc = reviewed;
        answer.Score = score;
        answer.GradeJson = JsonSerializer.Serialize(grade with
        {
            Score = score, Band = GradeBands.Of(review.Kind, score), Scaled = Bands.Scaled(score),
            Teacher = new TeacherVerdict(overridden, score, review.AiScore, review.Comment, reviewed),
        }, PracticeService.GradeJson);
    }

    private static async Task<string> JoinCodeAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        string code;
        do code = new string(Enumerable.Range(0, 6).Select(_ => CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)]).ToArray());
        while (await db.Courses.AnyAsync(c => c.JoinCode == code, cancellationToken));
        return code;
    }

    // CPU time beside the wall clock: on a busy machine the wall clock mostly measures the wait for a core.
    [LoggerMessage(LogLevel.Information, "Created the demo class: {Students} students, {Sessions} sessions, {Answers} answers, {Reviews} essay reviews in {ElapsedMs} ms, {CpuMs} ms CPU (accounts and plan {PlanMs} ms, essay grading {GradingMs} ms, writing {WriteMs} ms)")]
    private partial void LogSeeded(int students, int sessions, int answers, int reviews, long elapsedMs, long cpuMs, long planMs, long gradingMs, long writeMs);

    [LoggerMessage(LogLevel.Information, "Demo student accounts exist but the demo class does not (deleted by hand?); it is not recreated")]
    private partial void LogClassGone();
}
