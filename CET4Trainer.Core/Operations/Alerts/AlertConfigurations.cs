using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CET4Trainer.Core.Operations.Alerts;

internal sealed class AlertRuleConfiguration : IEntityTypeConfiguration<AlertRule>
{
    public void Configure(EntityTypeBuilder<AlertRule> rule)
    {
        rule.Property(r => r.Signal).HasMaxLength(64);
        rule.HasIndex(r => r.Signal).IsUnique().HasDatabaseName("IX_AlertRules_Signal");
    }
}

internal sealed class AlertEventConfiguration : IEntityTypeConfiguration<AlertEvent>
{
    public void Configure(EntityTypeBuilder<AlertEvent> alertEvent)
    {
        alertEvent.Property(e => e.Signal).HasMaxLength(64);
        alertEvent.Property(e => e.WebhookError).HasMaxLength(500);
        alertEvent.HasOne<AlertRule>().WithMany().HasForeignKey(e => e.RuleId).OnDelete(DeleteBehavior.Cascade);
        alertEvent.HasIndex(e => e.AtUtc).HasDatabaseName("IX_AlertEvents_At");
        alertEvent.HasIndex(e => new { e.RuleId, e.AtUtc }).HasDatabaseName("IX_AlertEvents_Rule_At");
    }
}
