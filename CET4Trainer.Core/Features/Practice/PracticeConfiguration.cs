using CET4Trainer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CET4Trainer.Core.Features.Practice;

internal sealed class PracticeSessionConfiguration : IEntityTypeConfiguration<PracticeSession>
{
    public void Configure(EntityTypeBuilder<PracticeSession> session)
    {
        session.Property(s => s.StudentId).HasMaxLength(450);
        session.Property(s => s.Title).HasMaxLength(200);
        session.Property(s => s.MockEarlyEnds).HasMaxLength(200);
        session.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.StudentId).OnDelete(DeleteBehavior.Cascade);
        session.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.SessionId).OnDelete(DeleteBehavior.Cascade);
        session.HasIndex(s => new { s.StudentId, s.Status, s.UpdatedUtc }).HasDatabaseName("IX_Sessions_Student_Status_Updated");
    }
}

internal sealed class SessionItemConfiguration : IEntityTypeConfiguration<SessionItem>
{
    public void Configure(EntityTypeBuilder<SessionItem> item) => item.HasKey(i => new { i.SessionId, i.Position });
}

internal sealed class AnswerConfiguration : IEntityTypeConfiguration<Answer>
{
    public void Configure(EntityTypeBuilder<Answer> answer)
    {
        answer.Property(a => a.StudentId).HasMaxLength(450);
        answer.HasOne<PracticeSession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        // One answer per question per session: a later answer to the same question replaces the earlier one.
        answer.HasIndex(a => new { a.SessionId, a.QuestionId }).IsUnique().HasDatabaseName("IX_Answers_Session_Question");
        answer.HasIndex(a => new { a.StudentId, a.AnsweredUtc }).HasDatabaseName("IX_Answers_Student_Answered");
        answer.HasIndex(a => new { a.StudentId, a.ItemId }).HasDatabaseName("IX_Answers_Student_Item");
        answer.HasIndex(a => a.QuestionId).HasDatabaseName("IX_Answers_Question");
    }
}

internal sealed class MistakeConfiguration : IEntityTypeConfiguration<Mistake>
{
    public void Configure(EntityTypeBuilder<Mistake> mistake)
    {
        mistake.Property(m => m.StudentId).HasMaxLength(450);
        mistake.HasIndex(m => new { m.StudentId, m.ResolvedUtc, m.CreatedUtc }).HasDatabaseName("IX_Mistakes_Student_Open");
    }
}
