using CET4Trainer.Core.Features.Gradebook;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;
using CET4Trainer.Core.Features.Scoring;
using CET4Trainer.Tests.TestSupport;

// Scenario tests calling services in sequence with their default tokens.
#pragma warning disable xUnit1051

namespace CET4Trainer.Tests.Features.Gradebook;

// The gradebook over a real SQLite file, with history written at known times against a fixed clock.
public sealed class GradebookServiceTests(GradebookFixture f) : IClassFixture<GradebookFixture>
{
    [Fact]
    public async Task Gradebook_ShowsStatusesBestAttemptsAveragesAndSummaries()
    {
        var teacher = await f.PersonAsync("王老师");
        var (ann, bo, cai, dan, fei) = (await f.PersonAsync("安"), await f.PersonAsync("薄"), await f.PersonAsync("蔡"), await f.PersonAsync("丹"), await f.PersonAsync("飞"));
        var (courseId, _) = await f.CourseAsync(teacher, ann, bo, cai, dan, fei);
        var (reading, questions) = await f.ItemAsync(ItemType.CarefulReading);
        var (listening, heard) = await f.ItemAsync(ItemType.ListeningNews);
        Assert.True(questions >= 4);
        var pastDue = f.Now.AddDays(-1);
        var first = await f.AssignmentAsync(courseId, teacher, "第一周 仔细阅读", reading, pastDue);
        var second = await f.AssignmentAsync(courseId, teacher, "第二周 听力", listening, f.Now.AddDays(6));

        // Ann: two hand-ins on time, the first better; Bo: all right but late; Fei: answered two questions and handed in.
        await AnswerSeeder.AnswerAsync(f.Database, ann.UserId, reading, AnswerSeeder.Results(questions - 1, 1), pastDue.AddHours(-3), assignmentId: first);
        await AnswerSeeder.AnswerAsync(f.Database, ann.UserId, reading, AnswerSeeder.Results(questions - 2, 2), pastDue.AddHours(-2), assignmentId: first);
        await AnswerSeeder.AnswerAsync(f.Database, bo.UserId, reading, AnswerSeeder.Results(questions, 0), pastDue.AddHours(3), assignmentId: first);
        await AnswerSeeder.AnswerAsync(f.Database, fei.UserId, reading, AnswerSeeder.Results(2, 0), pastDue.AddHours(-1), assignmentId: first);
        await AnswerSeeder.AnswerAsync(f.Database, ann.UserId, listening, AnswerSeeder.Results(heard, 0), f.Now.AddHours(-1), assignmentId: second);
        // Dan has opened the second assignment without handing it in; Ann's free practice is not course work.
        var services = new PracticeServices(f.Database, f.Clock);
        Assert.Null((await services.Starter.StartAssignmentAsync(dan.UserId, second)).Error);
        await AnswerSeeder.AnswerAsync(f.Database, ann.UserId, listening, AnswerSeeder.Results(0, heard), f.Now.AddHours(-5));

        var book = (await f.Gradebooks.BuildAsync(courseId, teacher))!;

        Assert.Equal(["第一周 仔细阅读", "第二周 听力"], book.Assignments.Select(a => a.Title));
        Assert.Equal(new[] { "丹", "安", "薄", "蔡", "飞" }.Order(StringComparer.Ordinal), book.Students.Select(s => s.Name));
        var row = book.Students.ToDictionary(s => s.Name);
        var max = questions * 2.0;
        Assert.Equal(new GradeCell(first, GradeStatus.Completed, 2, max - 2, max, (max - 2) / max * 100), row["安"].Cells[0]);
        Assert.Equal(new GradeCell(second, GradeStatus.Completed, 1, heard, heard, 100), row["安"].Cells[1]);
        Assert.Equal((GradeStatus.Late, 100.0), (row["薄"].Cells[0].Status, row["薄"].Cells[0].Percent!.Value));
        Assert.Equal(GradeStatus.Missing, row["蔡"].Cells[0].Status);
        Assert.Equal(GradeStatus.NotStarted, row["蔡"].Cells[1].Status);
        Assert.Equal(GradeStatus.InProgress, row["丹"].Cells[1].Status);
        // Unanswered questions count against the hand-in: 2 of the item's questions right is 4 of its points.
        Assert.Equal((4.0, max), (row["飞"].Cells[0].Score!.Value, row["飞"].Cells[0].Max!.Value));

        Assert.Equal(((max - 2) / max * 100 + 100) / 2, row["安"].Average!.Value, 9);
        Assert.Equal(0, row["蔡"].Average);
        var column = book.Assignments[0];
        Assert.Equal((3, 1, 2), (column.Done, column.Late, column.Missing));
        Assert.Equal(((max - 2) / max * 100 + 100 + 4 / max * 100) / 3, column.ClassAverage!.Value, 9);
        Assert.Equal((1, 0, 0), (book.Assignments[1].Done, book.Assignments[1].Late, book.Assignments[1].Missing));
    }

    [Fact]
    public async Task SectionSubscoresAndEstimate_ComeFromCourseWorkOnly_ThroughTheScoreEstimator()
    {
        var teacher = await f.PersonAsync("李老师");
        var student = await f.PersonAsync("周");
        var (courseId, _) = await f.CourseAsync(teacher, student);
        var (reading, questions) = await f.ItemAsync(ItemType.CarefulReading);
        var (listening, heard) = await f.ItemAsync(ItemType.ListeningNews);
        var a1 = await f.AssignmentAsync(courseId, teacher, "阅读", reading, f.Now.AddDays(3));
        var a2 = await f.AssignmentAsync(courseId, teacher, "听力", listening, f.Now.AddDays(3));
        await AnswerSeeder.AnswerAsync(f.Database, student.UserId, reading, AnswerSeeder.Results(questions - 1, 1), f.Now.AddHours(-4), assignmentId: a1);
        await AnswerSeeder.AnswerAsync(f.Database, student.UserId, reading, AnswerSeeder.Results(questions, 0), f.Now.AddHours(-3), assignmentId: a1);
        await AnswerSeeder.AnswerAsync(f.Database, student.UserId, listening, AnswerSeeder.Results(1, heard - 1), f.Now.AddHours(-2), assignmentId: a2);
        await AnswerSeeder.AnswerAsync(f.Database, student.UserId, listening, AnswerSeeder.Results(heard, 0), f.Now.AddHours(-1));

        var me = (await f.Gradebooks.BuildAsync(courseId, teacher))!.Students.Single();

        var sections = me.Sections.ToDictionary(s => s.Section);
        Assert.Equal(((2 * questions - 1) * 2.0, questions * 4.0, 2 * questions), (sections[Section.Reading].Points, sections[Section.Reading].Max, sections[Section.Reading].Questions));
        Assert.Equal((1.0, (double)heard), (sections[Section.Listening].Points, sections[Section.Listening].Max));
        Assert.Equal(0, sections[Section.Writing].Questions);
        var expected = ScoreEstimator.Estimate([
            new(ItemType.CarefulReading, (2 * questions - 1) * 2.0, questions * 4.0, 2 * questions),
            new(ItemType.ListeningNews, 1, heard, heard)]);
        Assert.Equal(expected.Total, me.Estimate!.Total, 9);
        Assert.Equal(expected.TotalLow, me.Estimate.TotalLow, 9);
    }

    [Fact]
    public async Task RemovedStudentsAndDraftAssignments_AreLeftOut_AndAnEmptyCourseStillBuilds()
    {
        var teacher = await f.PersonAsync("赵老师");
        var stays = await f.PersonAsync("留");
        var leaves = await f.PersonAsync("走");
        var (courseId, _) = await f.CourseAsync(teacher, stays, leaves);
        var (reading, questions) = await f.ItemAsync(ItemType.CarefulReading);
        var empty = (await f.Gradebooks.BuildAsync(courseId, teacher))!;
        Assert.Empty(empty.Assignments);
        Assert.All(empty.Students, s => Assert.Null(s.Estimate));

        var published = await f.AssignmentAsync(courseId, teacher, "已发布", reading, f.Now.AddDays(1));
        var draft = await f.AssignmentAsync(courseId, teacher, "草稿", reading, f.Now.AddDays(1));
        await using (var db = f.Database.CreateDbContext())
        {
            var row = await db.Assignments.FindAsync(draft);
            row!.IsDraft = true;
            await db.SaveChangesAsync();
        }
        await AnswerSeeder.AnswerAsync(f.Database, leaves.UserId, reading, AnswerSeeder.Results(questions, 0), f.Now.AddHours(-1), assignmentId: published);
        Assert.True(await f.Courses.RemoveMemberAsync(courseId, leaves.UserId, teacher));

        var book = (await f.Gradebooks.BuildAsync(courseId, teacher))!;

        Assert.Equal([published], book.Assignments.Select(a => a.AssignmentId));
        Assert.Equal([stays.UserId], book.Students.Select(s => s.StudentId));
        Assert.Equal(0, book.Assignments[0].Done);
    }

    [Fact]
    public async Task AnotherTeacher_GetsNothing_AnAdminGetsTheGradebook()
    {
        var teacher = await f.PersonAsync("钱老师");
        var other = await f.PersonAsync("孙老师");
        var admin = await f.PersonAsync("管理员", admin: true);
        var (courseId, _) = await f.CourseAsync(teacher, await f.PersonAsync("学生"));

        Assert.Null(await f.Gradebooks.BuildAsync(courseId, other));
        Assert.Null(await f.Gradebooks.BuildAsync(courseId + 100_000, teacher));
        Assert.Single((await f.Gradebooks.BuildAsync(courseId, admin))!.Students);
    }
}
