namespace CET4Trainer.Core.Operations.Alerts;

public enum AlertComparison
{
    // Fires when the value reaches the threshold or goes over it (latency, CPU, failures).
    Above = 0,

    // Fires when the value falls to the threshold or under it (free disk).
    Below = 1,
}

// A rule watches one signal. Its settings are edited by admins; the State* columns are written by the
// evaluator only, each side with column-level updates so neither overwrites the other.
public sealed class AlertRule
{
    public int Id { get; set; }
    public required string Signal { get; set; }
    public AlertComparison Comparison { get; set; }
    public double? WarningThreshold { get; set; }
    public double? CriticalThreshold { get; set; }
    public int ForSeconds { get; set; }
    public bool Enabled { get; set; } = true;
    public DateTime UpdatedUtc { get; set; }

    public AlertStatus Status { get; set; }
    public AlertSeverity? Severity { get; set; }
    public DateTime? BreachSinceUtc { get; set; }
    public DateTime? CriticalSinceUtc { get; set; }
    public DateTime? FiringSinceUtc { get; set; }
    public double? LastValue { get; set; }
    public DateTime? EvaluatedUtc { get; set; }

    public AlertThresholds Thresholds() => new(Comparison, WarningThreshold, CriticalThreshold, TimeSpan.FromSeconds(ForSeconds), Enabled);

    public AlertState State() => new(Status, Severity, BreachSinceUtc, CriticalSinceUtc, FiringSinceUtc, LastValue, EvaluatedUtc);

    public void Apply(AlertState state)
    {
        Status = state.Status;
        Severity = state.Severity;
        BreachSinceUtc = state.BreachSinceUtc;
        CriticalSinceUtc = state.CriticalSinceUtc;
        FiringSinceUtc = state.FiringSinceUtc;
        LastValue = state.LastValue;
        EvaluatedUtc = state.EvaluatedUtc;
    }
}
