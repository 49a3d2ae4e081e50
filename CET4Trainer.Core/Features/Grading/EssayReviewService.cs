using System.Text.Json;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;
using CET4Trainer.Core.Features.Scoring;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.Grading;

public sealed record ReviewRow(
    long Id, long AnswerId, string StudentName, ItemType Kind, string ItemTitle, string Prompt, string Response, EssayGrade? Grade,
    ReviewReasons Reasons, int AiScore, int AiBand, string Engine, ReviewStatus Status, int? TeacherScore, string? Comment,
    DateTime CreatedUtc, DateTime? ReviewedUtc);

public sealed record ReviewList(IReadOnlyList<ReviewRow> Rows, int Pending, int Decided);

// The teacher's review queue. A teacher sees the reviews of students in their own courses (and of
// their courses' assignments); admins see all. Every action re-checks that, whatever id is sent.
public sealed class EssayReviewService(IDbContextFactory<AppDbContext> contexts, ItemCatalog catalog, TimeProvider clock,
    PracticeActivityHub? activity = null)
{
    public const int MaxComment = 500;

    // courseId narrows the list to that course's assignment work (the answers its gradebook counts).
    public async Task<ReviewList> ListAsync(Viewer viewer, bool pending, int take = 30, int? courseId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visible = InCourse(db, Visible(db, viewer), courseId);
        var counts = await visible.GroupBy(r => r.Status == ReviewStatus.Pending).Select(g => new { Pending = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var chosen = pending
            ? visible.Where(r => r.Status == ReviewStatus.Pending).OrderByDescending(r => r.CreatedUtc)
            : visible.Where(r => r.Status != ReviewStatus.Pending).OrderByDescending(r => r.ReviewedUtc);
        var rows = await chosen.Take(take)
            .Join(db.Answers, r => r.AnswerId, a => a.Id, (r, a) => new { r, a.Response, a.GradeJson })
            .Join(db.Users, x => x.r.StudentId, u => u.Id, (x, u) => new { x.r, x.Response, x.GradeJson, Name = u.DisplayName ?? u.Email ?? "" })
            .Select(x => new { x.r, x.Response, x.GradeJson, x.Name, Title = db.Items.Where(i => i.Id == x.r.ItemId).Select(i => i.Title).FirstOrDefault() })
            .AsNoTracking().ToListAsync(cancellationToken);
        var items = await catalog.GetAsync(rows.Select(x => x.r.ItemId).ToList(), cancellationToken);
        // Joins after Take need not keep the order: sort the page here.
        rows = pending ? rows.OrderByDescending(x => x.r.CreatedUtc).ToList() : rows.OrderByDescending(x => x.r.ReviewedUtc).ToList();
        return new ReviewList(rows.Select(x => new ReviewRow(
                x.r.Id, x.r.AnswerId, x.Name, x.r.Kind, x.Title ?? "（题目已删除）", items.TryGetValue(x.r.ItemId, out var item) ? item.Draft.Passage : "",
                x.Response, Read(x.GradeJson), x.r.Reasons, x.r.AiScore, x.r.AiBand, x.r.Engine, x.r.Status, x.r.TeacherScore, x.r.Comment,
                x.r.CreatedUtc, x.r.ReviewedUtc)).ToList(),
            counts.Where(c => c.Pending).Sum(c => c.Count), counts.Where(c => !c.Pending).Sum(c => c.Count));
    }

    public async Task<int> PendingCountAsync(Viewer viewer, int? courseId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await InCourse(db, Visible(db, viewer), courseId).CountAsync(r => r.Status == ReviewStatus.Pending, cancellationToken);
    }

    // Confirms the AI score (teacherScore null) or overrides it. The answer's score and stored grade
    // change with the review row in one transaction, so the student sees the teacher's mark at once.
    public async Task<string?> DecideAsync(long reviewId, Viewer viewer, int? teacherScore, string? comment, CancellationToken cancellationToken = default)
    {
        if (teacherScore is < 0 or > GradeMapper.MaxScore) return $"教师评分应在 0-{GradeMapper.MaxScore} 分之间。";
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (comment?.Length > MaxComment) return $"评语不能超过 {MaxComment} 字。";
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var review = await Visible(db, viewer).FirstOrDefaultAsync(r => r.Id == reviewId, cancellationToken);
        if (review is null) return "这条复核不存在，或这名学生不在你的课程里。";
        var answer = await db.Answers.FirstOrDefaultAsync(a => a.Id == review.AnswerId, cancellationToken);
        if (answer is null || Read(answer.GradeJson) is not { } grade) return "这份答卷已不存在。";

        var now = clock.GetUtcNow().UtcDateTime;
        var score = teacherScore ?? review.AiScore;
        var overridden = score != review.AiScore;
        review.Status = overridden ? ReviewStatus.Overridden : ReviewStatus.Confirmed;
        review.TeacherScore = score;
        review.ReviewerId = viewer.UserId;
        review.Comment = comment;
        review.ReviewedUtc = now;
        review.UpdatedUtc = now;
        answer.Score = score;
        answer.GradeJson = JsonSerializer.Serialize(grade with
        {
            Score = score, Band = GradeBands.Of(review.Kind, score), Scaled = Bands.Scaled(score),
            Teacher = new TeacherVerdict(overridden, score, review.AiScore, comment, now),
        }, PracticeService.GradeJson);
        await db.SaveChangesAsync(cancellationToken);
        // After the commit, so an open gradebook reloads the teacher's mark and not the old one.
        activity?.Publish(new PracticeActivity(review.StudentId, answer.SessionId, review.AssignmentId, PracticeActivityKind.Regraded));
        return null;
    }

    // AI band against the teacher's band on every reviewed answer the viewer may see.
    public async Task<AgreementFigures> AgreementAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var decided = await Visible(db, viewer).Where(r => r.Status != ReviewStatus.Pending && r.TeacherScore != null)
            .Select(r => new { r.Kind, r.AiBand, Teacher = r.TeacherScore!.Value }).ToListAsync(cancellationToken);
        return GradingAgreement.Compute(
            decided.Select(d => (GradeBands.Index(d.AiBand), GradeBands.Index(GradeBands.Of(d.Kind, d.Teacher)))).ToList(), GradeBands.Anchors.Length);
    }

    internal static IQueryable<EssayReview> Visible(AppDbContext db, Viewer viewer)
    {
        if (viewer.IsAdmin) return db.EssayReviews;
        var courses = CourseService.Owned(db, viewer).Select(c => c.Id);
        var students = db.CourseMembers.Where(m => courses.Contains(m.CourseId) && m.RemovedUtc == null).Select(m => m.StudentId);
        var assignments = db.Assignments.Where(a => courses.Contains(a.CourseId)).Select(a => (int?)a.Id);
        return db.EssayReviews.Where(r => students.Contains(r.StudentId) || assignments.Contains(r.AssignmentId));
    }

    private static IQueryable<EssayReview> InCourse(AppDbContext db, IQueryable<EssayReview> reviews, int? courseId) =>
        courseId is { } id ? reviews.Where(r => db.Assignments.Any(a => a.Id == r.AssignmentId && a.CourseId == id)) : reviews;

    private static EssayGrade? Read(string? json) => json is null ? null : JsonSerializer.Deserialize<EssayGrade>(json, PracticeService.GradeJson);
}
