using CET4Trainer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CET4Trainer.Core.Features.Feynman;

internal sealed class FeynmanSessionConfiguration : IEntityTypeConfiguration<FeynmanSession>
{
    public void Configure(EntityTypeBuilder<FeynmanSession> session)
    {
        session.Property(s => s.StudentId).HasMaxLength(450);
        session.Property(s => s.TopicKey).HasMaxLength(64);
        session.Property(s => s.TopicTitle).HasMaxLength(100);
        session.Property(s => s.Engines).HasMaxLength(400);
        session.Property(s => s.SummaryEngine).HasMaxLength(100);
        session.Property(s => s.UpdatedUtc).IsConcurrencyToken();
        session.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.StudentId).OnDelete(DeleteBehavior.Cascade);
        session.HasIndex(s => new { s.StudentId, s.CreatedUtc }).HasDatabaseName("IX_FeynmanSessions_Student_Created");
    }
}
