using CET4Trainer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CET4Trainer.Core.Features.Courses;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> course)
    {
        course.Property(c => c.Name).HasMaxLength(100);
        course.Property(c => c.JoinCode).HasMaxLength(12);
        course.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.TeacherId).OnDelete(DeleteBehavior.Restrict);
        course.HasIndex(c => new { c.TeacherId, c.ArchivedUtc }).HasDatabaseName("IX_Courses_Teacher_Archived");
        course.HasIndex(c => c.JoinCode).IsUnique().HasDatabaseName("IX_Courses_JoinCode");
    }
}

internal sealed class CourseMemberConfiguration : IEntityTypeConfiguration<CourseMember>
{
    public void Configure(EntityTypeBuilder<CourseMember> member)
    {
        member.HasKey(m => new { m.CourseId, m.StudentId });
        member.Property(m => m.StudentId).HasMaxLength(450);
        member.HasOne<Course>().WithMany().HasForeignKey(m => m.CourseId).OnDelete(DeleteBehavior.Cascade);
        member.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.StudentId).OnDelete(DeleteBehavior.Cascade);
        member.HasIndex(m => m.StudentId).HasDatabaseName("IX_CourseMembers_Student");
    }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> assignment)
    {
        assignment.Property(a => a.Title).HasMaxLength(200);
        assignment.Property(a => a.RuleTag).HasMaxLength(50);
        assignment.HasOne<Course>().WithMany().HasForeignKey(a => a.CourseId).OnDelete(DeleteBehavior.Cascade);
        assignment.HasMany(a => a.Items).WithOne().HasForeignKey(i => i.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        assignment.HasIndex(a => new { a.CourseId, a.DueUtc }).HasDatabaseName("IX_Assignments_Course_Due");
    }
}

internal sealed class AssignmentItemConfiguration : IEntityTypeConfiguration<AssignmentItem>
{
    public void Configure(EntityTypeBuilder<AssignmentItem> item) => item.HasKey(i => new { i.AssignmentId, i.Position });
}
