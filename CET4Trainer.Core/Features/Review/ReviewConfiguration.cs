using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Vocabulary;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CET4Trainer.Core.Features.Review;

internal sealed class VocabCardConfiguration : IEntityTypeConfiguration<VocabCard>
{
    public void Configure(EntityTypeBuilder<VocabCard> card)
    {
        card.Property(c => c.StudentId).HasMaxLength(450);
        card.Ignore(c => c.Memory);
        card.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.StudentId).OnDelete(DeleteBehavior.Cascade);
        card.HasOne<Word>().WithMany().HasForeignKey(c => c.WordId).OnDelete(DeleteBehavior.Cascade);
        card.HasIndex(c => new { c.StudentId, c.WordId }).IsUnique().HasDatabaseName("IX_VocabCards_Student_Word");
        card.HasIndex(c => new { c.StudentId, c.DueUtc }).HasDatabaseName("IX_VocabCards_Student_Due");
    }
}

internal sealed class ReviewLogConfiguration : IEntityTypeConfiguration<ReviewLogEntry>
{
    public void Configure(EntityTypeBuilder<ReviewLogEntry> log)
    {
        log.Property(l => l.StudentId).HasMaxLength(450);
        log.HasIndex(l => new { l.StudentId, l.ReviewedUtc }).HasDatabaseName("IX_ReviewLog_Student_Reviewed");
    }
}

internal sealed class StudyPreferencesConfiguration : IEntityTypeConfiguration<StudyPreferences>
{
    public void Configure(EntityTypeBuilder<StudyPreferences> prefs)
    {
        prefs.HasKey(p => p.StudentId);
        prefs.Property(p => p.StudentId).HasMaxLength(450);
    }
}
