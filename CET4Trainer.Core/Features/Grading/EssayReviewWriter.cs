using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Scoring;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.Grading;

public sealed record ReviewSubject(long AnswerId, string StudentId, int ItemId, ItemType Kind, int? AssignmentId);

// Keeps an answer's review row in step with its latest grade, on the caller's context (the caller saves,
// so the grade and the row commit together).
internal static class EssayReviewWriter
{
    public static async Task RecordAsync(AppDbContext db, ReviewSubject subject, EssayGrade grade, DateTime now, CancellationToken cancellationToken)
    {
        var row = await db.EssayReviews.FirstOrDefaultAsync(r => r.AnswerId == subject.AnswerId, cancellationToken);
        // A teacher's decision stands: it is never reopened or rewritten by a later grade.
        if (row is not null && row.Status != ReviewStatus.Pending) return;
        if (grade.ReviewReasons == ReviewReasons.None)
        {
            if (row is not null) db.EssayReviews.Remove(row);
            return;
        }
        if (row is null)
        {
            row = new EssayReview { StudentId = subject.StudentId, Engine = grade.Engine, AnswerId = subject.AnswerId, CreatedUtc = now };
            db.EssayReviews.Add(row);
        }
        row.ItemId = subject.ItemId;
        row.Kind = subject.Kind;
        row.AssignmentId = subject.AssignmentId;
        row.Reasons = grade.ReviewReasons;
        row.AiScore = grade.Score;
        row.AiBand = grade.Band;
        row.Engine = grade.Engine;
        row.Model = grade.Model;
        row.UpdatedUtc = now;
    }
}
