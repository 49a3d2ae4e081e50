using CET4Trainer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CET4Trainer.Core.Features.StudyPlans;

internal sealed class StudyPlanConfiguration : IEntityTypeConfiguration<StudyPlan>
{
    public void Configure(EntityTypeBuilder<StudyPlan> plan)
    {
        plan.Property(p => p.StudentId).HasMaxLength(450);
        plan.Property(p => p.Engine).HasMaxLength(100);
        plan.Property(p => p.Model).HasMaxLength(100);
        plan.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.StudentId).OnDelete(DeleteBehavior.Cascade);
        plan.HasIndex(p => new { p.StudentId, p.CreatedUtc }).HasDatabaseName("IX_StudyPlans_Student_Created");
    }
}
