using CET4Trainer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CET4Trainer.Core.Features.Courses;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> course)
    {
        course.Property(c => c.Name).HasMaxLength(100);
        course.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.TeacherId).OnDelete(DeleteBehavior.Restrict);
        course.HasIndex(c => new { c.TeacherId, c.ArchivedUtc }).HasDatabaseName("IX_Courses_Teacher_Archived");
    }
}
