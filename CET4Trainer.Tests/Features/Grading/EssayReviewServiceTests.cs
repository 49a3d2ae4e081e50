using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Grading;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;
using CET4Trainer.Core.Features.Scoring;
using Microsoft.EntityFrameworkCore;

// Scenario tests calling services in sequence with their default tokens.
#pragma warning disable xUnit1051

namespace CET4Trainer.Tests.Features.Grading;

// The review queue over a real SQLite file: what gets queued, who sees it, and what a decision changes.
public sealed class EssayReviewServiceTests(GradingFixture fixture) : IClassFixture<GradingFixture>
{
    private readonly CourseService courses = new(fixture.Database, fixture.Clock);
    private readonly EssayReviewService reviews = new(fixture.Database, fixture.Services.Catalog, fixture.Clock);

    private EssayScenario Scenario => new(fixture.Database, courses, new AssignmentService(fixture.Database, fixture.Clock),
        fixture.Services.Starter, fixture.Services.Practice, fixture.Clock);

    private async Task<Viewer> UserAsync(string role, bool admin = false) =>
        new((await fixture.Database.AddUserAsync($"{role}-{Guid.NewGuid():N}@example.edu.cn")).Id, admin);

    private async Task<List<EssayReview>> RowsAsync(string student)
    {
        await using var db = fixture.Database.CreateDbContext();
        return await db.EssayReviews.AsNoTracking().Where(r => r.StudentId == student).OrderBy(r => r.AnswerId).ToListAsync();
    }

    [Fact]
    public async Task AssignmentEssaysGradedOffline_AreQueued_ADrillEssayIsNot()
    {
        var teacher = await UserAsync("t");
        var student = (await UserAsync("s")).UserId;
        var (_, assignmentId) = await Scenario.CourseAsync(teacher, student);

        var answers = await Scenario.AnswerAsync(student, assignmentId);
        var drill = await fixture.Services.Starter.StartDrillAsync(student, ItemType.Writing, null, 1);
        var view = (await fixture.Services.Practice.LoadAsync(drill.SessionId!.Value, student))!;
        await fixture.Services.Practice.SubmitAsync(view, view.Items[0].Item, 1, view.Items[0].Item.Draft.Reference!, 1000);

        var rows = await RowsAsync(student);
        Assert.Equal(answers.Select(a => a.Id), rows.Select(r => r.AnswerId));
        Assert.All(rows, r =>
        {
            Assert.True(r.Reasons.HasFlag(ReviewReasons.OfflineEstimate));
            Assert.Equal(ReviewStatus.Pending, r.Status);
            Assert.Equal(assignmentId, r.AssignmentId);
            Assert.Equal(OfflineGrader.EngineName, r.Engine);
        });
        Assert.Equal(answers.Select(a => (int)a.Score!.Value), rows.Select(r => r.AiScore));
        Assert.Equal([ItemType.Writing, ItemType.Translation], rows.Select(r => r.Kind));
        var grade = PracticeService.ReadGrade(answers[0])!;
        Assert.Equal(grade.ReviewReasons, rows[0].Reasons);
        Assert.Equal(grade.Band, rows[0].AiBand);
    }

    [Fact]
    public async Task TeacherSeesOwnStudentsOnly_AdminSeesAll_AndCourseWorkStaysAfterTheStudentLeaves()
    {
        var teacher = await UserAsync("t");
        var other = await UserAsync("t2");
        var admin = await UserAsync("a", admin: true);
        var student = (await UserAsync("s")).UserId;
        var (courseId, assignmentId) = await Scenario.CourseAsync(teacher, student);
        await Scenario.AnswerAsync(student, assignmentId);
        var ids = (await RowsAsync(student)).Select(r => r.Id).ToHashSet();

        var mine = await reviews.ListAsync(teacher, pending: true);
        var theirs = await reviews.ListAsync(other, pending: true);
        var all = await reviews.ListAsync(admin, pending: true, take: 500);

        Assert.Equal(ids, mine.Rows.Select(r => r.Id).ToHashSet());
        Assert.Equal(2, mine.Pending);
        Assert.Empty(theirs.Rows);
        Assert.Equal(0, theirs.Pending);
        Assert.Superset(ids, all.Rows.Select(r => r.Id).ToHashSet());
        var row = mine.Rows.Single(r => r.Kind == ItemType.Writing);
        Assert.Equal(row.AiScore, row.Grade!.Score);
        Assert.False(string.IsNullOrWhiteSpace(row.Prompt));
        Assert.False(string.IsNullOrWhiteSpace(row.Response));

        await courses.RemoveMemberAsync(courseId, student, teacher);
        Assert.Equal(ids, (await reviews.ListAsync(teacher, pending: true)).Rows.Select(r => r.Id).ToHashSet());
    }

    [Fact]
    public async Task AnotherTeacher_CanNeitherConfirmNorOverride_AndTheAnswerIsUntouched()
    {
        var teacher = await UserAsync("t");
        var other = await UserAsync("t2");
        var student = (await UserAsync("s")).UserId;
        var (_, assignmentId) = await Scenario.CourseAsync(teacher, student);
        var answer = (await Scenario.AnswerAsync(student, assignmentId))[0];
        var review = (await RowsAsync(student))[0];

        Assert.Equal("这条复核不存在，或这名学生不在你的课程里。", await reviews.DecideAsync(review.Id, other, 15, "改高"));
        Assert.Equal("这条复核不存在，或这名学生不在你的课程里。", await reviews.DecideAsync(review.Id, other, null, null));
        Assert.Equal("这条复核不存在，或这名学生不在你的课程里。", await reviews.DecideAsync(long.MaxValue, teacher, 10, null));

        await using var db = fixture.Database.CreateDbContext();
        var stored = await db.Answers.AsNoTracking().SingleAsync(a => a.Id == answer.Id);
        Assert.Equal(answer.Score, stored.Score);
        Assert.Equal(answer.GradeJson, stored.GradeJson);
        Assert.Equal(ReviewStatus.Pending, (await RowsAsync(student))[0].Status);
    }

    [Fact]
    public async Task Override_ReplacesTheAnswersScoreAndGrade_SoTheStudentSeesTheTeachersMark()
    {
        var teacher = await UserAsync("t");
        var student = (await UserAsync("s")).UserId;
        var (_, assignmentId) = await Scenario.CourseAsync(teacher, student);
        var answer = (await Scenario.AnswerAsync(student, assignmentId))[0];
        var review = (await RowsAsync(student))[0];
        var teacherScore = review.AiScore == 13 ? 9 : 13;

        Assert.Null(await reviews.DecideAsync(review.Id, teacher, teacherScore, "  论证有力，但结尾仓促。 "));

        var view = (await fixture.Services.Practice.LoadAsync(answer.SessionId, student))!;
        var stored = view.AnswersByQuestion[answer.QuestionId];
        var grade = PracticeService.ReadGrade(stored)!;
        Assert.Equal(teacherScore, stored.Score);
        Assert.Equal(teacherScore, grade.Score);
        Assert.Equal(Bands.WritingBand(teacherScore), grade.Band);
        Assert.Equal(teacherScore * 7.1, grade.Scaled, 6);
        Assert.Equal(new TeacherVerdict(true, teacherScore, review.AiScore, "论证有力，但结尾仓促。", fixture.Clock.Now.UtcDateTime), grade.Teacher);
        Assert.Equal(OfflineGrader.EngineName, grade.Engine);
        var decided = (await RowsAsync(student))[0];
        Assert.Equal(ReviewStatus.Overridden, decided.Status);
        Assert.Equal(teacherScore, decided.TeacherScore);
        Assert.Equal(teacher.UserId, decided.ReviewerId);
        Assert.Equal(review.AiScore, decided.AiScore);
        Assert.Single((await reviews.ListAsync(teacher, pending: false)).Rows);
    }

    [Fact]
    public async Task Confirm_KeepsTheAiScore_AndAgreementComparesBands()
    {
        var teacher = await UserAsync("t");
        var student = (await UserAsync("s")).UserId;
        var (_, assignmentId) = await Scenario.CourseAsync(teacher, student);
        Assert.Equal(0, (await reviews.AgreementAsync(teacher)).Count);
        await Scenario.AnswerAsync(student, assignmentId);
        var rows = await RowsAsync(student);
        var overrideTo = rows[1].AiScore >= 8 ? 0 : 15;

        Assert.Null(await reviews.DecideAsync(rows[0].Id, teacher, null, null));
        Assert.Null(await reviews.DecideAsync(rows[1].Id, teacher, overrideTo, null));

        var after = await RowsAsync(student);
        Assert.Equal(ReviewStatus.Confirmed, after[0].Status);
        Assert.Equal(after[0].AiScore, after[0].TeacherScore);
        var figures = await reviews.AgreementAsync(teacher);
        var expected = GradingAgreement.Compute(
        [
            (GradeBands.Index(rows[0].AiBand), GradeBands.Index(rows[0].AiBand)),
            (GradeBands.Index(rows[1].AiBand), GradeBands.Index(GradeBands.Of(ItemType.Translation, overrideTo))),
        ], 6);
        Assert.Equal(expected, figures);
        Assert.Equal(2, figures.Count);
        Assert.Equal(0.5, figures.ExactShare);
    }

    [Fact]
    public async Task ScoreOutsideTheScale_OrAnOverlongComment_IsRefused()
    {
        var teacher = await UserAsync("t");
        var student = (await UserAsync("s")).UserId;
        var (_, assignmentId) = await Scenario.CourseAsync(teacher, student);
        await Scenario.AnswerAsync(student, assignmentId);
        var review = (await RowsAsync(student))[0];

        Assert.Equal("教师评分应在 0-15 分之间。", await reviews.DecideAsync(review.Id, teacher, 16, null));
        Assert.Equal("教师评分应在 0-15 分之间。", await reviews.DecideAsync(review.Id, teacher, -1, null));
        Assert.Equal("评语不能超过 500 字。", await reviews.DecideAsync(review.Id, teacher, 10, new string('好', 501)));
        Assert.Equal(ReviewStatus.Pending, (await RowsAsync(student))[0].Status);
    }

    [Fact]
    public async Task Regrade_UpdatesAPendingRow_RemovesItWhenNoLongerNeeded_AndLeavesADecisionAlone()
    {
        var teacher = await UserAsync("t");
        var student = (await UserAsync("s")).UserId;
        var (_, assignmentId) = await Scenario.CourseAsync(teacher, student);
        var answers = await Scenario.AnswerAsync(student, assignmentId);
        var rows = await RowsAsync(student);
        Assert.Null(await reviews.DecideAsync(rows[1].Id, teacher, null, null));
        var aiGrade = new EssayGrade(10, 11, 71, "fake-provider", "", [], [], 150, 0, false)
        {
            Model = "fake-model-1", Confidence = 0.4, ReviewReasons = ReviewReasons.LowConfidence | ReviewReasons.Boundary,
        };
        var now = fixture.Clock.Now.UtcDateTime;

        await using (var db = fixture.Database.CreateDbContext())
        {
            await EssayReviewWriter.RecordAsync(db, new ReviewSubject(answers[0].Id, student, answers[0].ItemId, ItemType.Writing, assignmentId), aiGrade, now, default);
            await EssayReviewWriter.RecordAsync(db, new ReviewSubject(answers[1].Id, student, answers[1].ItemId, ItemType.Translation, assignmentId),
                aiGrade with { ReviewReasons = ReviewReasons.OffTopic }, now, default);
            await db.SaveChangesAsync();
        }
        var updated = await RowsAsync(student);
        Assert.Equal((10, 11, "fake-provider", "fake-model-1", ReviewReasons.LowConfidence | ReviewReasons.Boundary),
            (updated[0].AiScore, updated[0].AiBand, updated[0].Engine, updated[0].Model, updated[0].Reasons));
        Assert.Equal(rows[0].Id, updated[0].Id);
        Assert.Equal((ReviewStatus.Confirmed, rows[1].AiScore, rows[1].Reasons), (updated[1].Status, updated[1].AiScore, updated[1].Reasons));

        await using (var db = fixture.Database.CreateDbContext())
        {
            await EssayReviewWriter.RecordAsync(db, new ReviewSubject(answers[0].Id, student, answers[0].ItemId, ItemType.Writing, assignmentId),
                aiGrade with { Score = 11, ReviewReasons = ReviewReasons.None }, now, default);
            await db.SaveChangesAsync();
        }
        Assert.Equal([rows[1].Id], (await RowsAsync(student)).Select(r => r.Id));
    }

    [Fact]
    public async Task GradingASubmission_GoesThroughTheGateway_RecordedForTheStudent_WithVersionsOnTheGrade()
    {
        var student = (await UserAsync("s")).UserId;
        var drill = await fixture.Services.Starter.StartDrillAsync(student, ItemType.Translation, null, 1);
        var view = (await fixture.Services.Practice.LoadAsync(drill.SessionId!.Value, student))!;
        var item = view.Items[0].Item;

        var result = await fixture.Services.Practice.SubmitAsync(view, item, 1, item.Draft.Reference!, 1000);

        var grade = PracticeService.ReadGrade(result.Answer!)!;
        Assert.True(grade.IsOffline);
        Assert.Equal(1, grade.PromptVersion);
        Assert.Equal(GradeTranslation.RubricVersion, grade.RubricVersion);
        Assert.Equal(GradeTranslation.Band(grade.Score), grade.Band);
        await using var db = fixture.Database.CreateDbContext();
        var call = await db.AiCalls.AsNoTracking().SingleAsync(c => c.UserId == student);
        Assert.Equal(("GradeTranslation", AiEngines.Offline, 1), (call.Operation, call.Engine, call.PromptVersion));
        Assert.Empty(await RowsAsync(student));
    }

    [Fact]
    public void GradesStoredBeforeTheAiFields_StillRead()
    {
        var answer = new Answer
        {
            StudentId = "s",
            GradeJson = """{"score":9,"band":8,"scaled":63.9,"engine":"离线估算","summary":"离线估算：9 分","strengths":["用词较丰富"],"improvements":["多用衔接词"],"words":131,"lengthDeduction":0,"offTopic":false}""",
        };

        var grade = PracticeService.ReadGrade(answer)!;

        Assert.Equal((9, 8, 63.9, 131), (grade.Score, grade.Band, grade.Scaled, grade.Words));
        Assert.True(grade.IsOffline);
        Assert.Empty(grade.Evidence);
        Assert.Empty(grade.Errors);
        Assert.Null(grade.PromptVersion);
        Assert.Null(grade.Teacher);
        Assert.Equal(ReviewReasons.None, grade.ReviewReasons);
    }
}
