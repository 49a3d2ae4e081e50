using CET4Trainer.Core.Features.Items;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CET4Trainer.Core.Features.Explanations;

internal sealed class ExplanationCacheEntryConfiguration : IEntityTypeConfiguration<ExplanationCacheEntry>
{
    public void Configure(EntityTypeBuilder<ExplanationCacheEntry> entry)
    {
        entry.Property(e => e.Chosen).HasMaxLength(ExplanationKey.MaxChosenLength);
        entry.Property(e => e.Text).HasMaxLength(8000);
        entry.Property(e => e.Engine).HasMaxLength(100);
        entry.Property(e => e.Model).HasMaxLength(100);
        entry.HasOne<Item>().WithMany().HasForeignKey(e => e.ItemId).OnDelete(DeleteBehavior.Cascade);
        // One row per key; a lookup is one seek, and a second node storing the same key is refused.
        entry.HasIndex(e => new { e.ItemId, e.ItemVersion, e.QuestionNumber, e.Chosen, e.FollowUp, e.PromptVersion })
            .IsUnique().HasDatabaseName("IX_ExplanationCache_Key");
    }
}
