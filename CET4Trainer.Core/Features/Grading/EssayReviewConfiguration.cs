using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Practice;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CET4Trainer.Core.Features.Grading;

internal sealed class EssayReviewConfiguration : IEntityTypeConfiguration<EssayReview>
{
    public void Configure(EntityTypeBuilder<EssayReview> review)
    {
        review.Property(r => r.StudentId).HasMaxLength(450);
        review.Property(r => r.ReviewerId).HasMaxLength(450);
        review.Property(r => r.Engine).HasMaxLength(100);
        review.Property(r => r.Model).HasMaxLength(100);
        review.Property(r => r.Comment).HasMaxLength(500);
        review.HasOne<Answer>().WithMany().HasForeignKey(r => r.AnswerId).OnDelete(DeleteBehavior.Cascade);
        review.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.StudentId).OnDelete(DeleteBehavior.Cascade);
        review.HasIndex(r => r.AnswerId).IsUnique().HasDatabaseName("IX_EssayReviews_Answer");
        // The queue: a teacher's students' reviews by status, newest first.
        review.HasIndex(r => new { r.StudentId, r.Status, r.CreatedUtc }).HasDatabaseName("IX_EssayReviews_Student_Status_Created");
        review.HasIndex(r => new { r.AssignmentId, r.Status }).HasDatabaseName("IX_EssayReviews_Assignment_Status");
    }
}
