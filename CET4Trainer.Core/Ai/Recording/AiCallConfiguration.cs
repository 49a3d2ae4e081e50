using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CET4Trainer.Core.Ai.Recording;

internal sealed class AiCallConfiguration : IEntityTypeConfiguration<AiCall>
{
    public void Configure(EntityTypeBuilder<AiCall> call)
    {
        call.Property(c => c.Operation).HasMaxLength(40);
        call.Property(c => c.Engine).HasMaxLength(100);
        call.Property(c => c.Model).HasMaxLength(100);
        call.Property(c => c.UserId).HasMaxLength(450);
        call.Property(c => c.Error).HasMaxLength(500);
        call.Property(c => c.Cost).HasPrecision(18, 8);
        call.HasIndex(c => c.AtUtc).HasDatabaseName("IX_AiCalls_At");
        // Budget checks sum one user's calls of one day.
        call.HasIndex(c => new { c.UserId, c.AtUtc }).HasDatabaseName("IX_AiCalls_User_At");
        call.HasIndex(c => c.TaskId).HasDatabaseName("IX_AiCalls_Task");
    }
}
