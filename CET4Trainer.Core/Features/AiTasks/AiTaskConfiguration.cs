using CET4Trainer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CET4Trainer.Core.Features.AiTasks;

internal sealed class AiTaskConfiguration : IEntityTypeConfiguration<AiTask>
{
    public void Configure(EntityTypeBuilder<AiTask> task)
    {
        task.Property(t => t.Title).HasMaxLength(200);
        task.Property(t => t.CurrentStep).HasMaxLength(200);
        task.Property(t => t.Engine).HasMaxLength(200);
        task.Property(t => t.Error).HasMaxLength(1000);
        task.Property(t => t.Cost).HasPrecision(18, 8);
        task.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.OwnerId).OnDelete(DeleteBehavior.Cascade);
        task.HasIndex(t => new { t.OwnerId, t.CreatedUtc }).HasDatabaseName("IX_AiTasks_Owner_Created");
        task.HasIndex(t => t.Status).HasDatabaseName("IX_AiTasks_Status");
    }
}
