namespace CET4Trainer.Core.Operations.Alerts;

public enum AlertChangeKind
{
    Fired = 0,
    Escalated = 1,
    Resolved = 2,
}

public enum WebhookDelivery
{
    NotConfigured = 0,
    Pending = 1,
    Delivered = 2,
    Failed = 3,
}

// One line of alert history: a rule fired, escalated to critical, or resolved; and what became of its webhook.
public sealed class AlertEvent
{
    public long Id { get; set; }
    public int RuleId { get; set; }
    public required string Signal { get; set; }
    public AlertChangeKind Kind { get; set; }
    public AlertSeverity Severity { get; set; }
    public double? Value { get; set; }
    public double? Threshold { get; set; }
    public DateTime AtUtc { get; set; }
    public DateTime FiringSinceUtc { get; set; }

    public WebhookDelivery Webhook { get; set; }
    public int WebhookAttempts { get; set; }
    public string? WebhookError { get; set; }
    public DateTime? WebhookAtUtc { get; set; }
}
