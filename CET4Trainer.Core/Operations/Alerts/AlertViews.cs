namespace CET4Trainer.Core.Operations.Alerts;

public sealed record AlertRuleView(
    int Id, string Signal, string Name, string Unit, AlertComparison Comparison,
    double? Warning, double? Critical, int ForSeconds, bool Enabled,
    AlertStatus Status, AlertSeverity? Severity, double? LastValue, DateTime? EvaluatedUtc, DateTime? FiringSinceUtc);

public sealed record AlertEventView(
    long Id, string Signal, string Name, string Unit, AlertChangeKind Kind, AlertSeverity Severity, double? Value, double? Threshold,
    DateTime AtUtc, DateTime FiringSinceUtc, WebhookDelivery Webhook, int WebhookAttempts, string? WebhookError);

public sealed record FiringAlert(int RuleId, string Name, string Unit, AlertSeverity Severity, double? Value, DateTime SinceUtc);

public sealed record AlertRuleEdit(double? Warning, double? Critical, int ForSeconds, bool Enabled);
