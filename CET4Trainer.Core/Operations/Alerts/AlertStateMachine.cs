namespace CET4Trainer.Core.Operations.Alerts;

public enum AlertStatus
{
    Ok = 0,
    Pending = 1,
    Firing = 2,
    Resolved = 3,
}

public enum AlertSeverity
{
    Warning = 1,
    Critical = 2,
}

public sealed record AlertThresholds(AlertComparison Comparison, double? Warning, double? Critical, TimeSpan For, bool Enabled)
{
    // The worst level the value reaches right now, or null when it breaches nothing.
    public AlertSeverity? Level(double value)
    {
        if (Critical is { } critical && Breaches(value, critical)) return AlertSeverity.Critical;
        if (Warning is { } warning && Breaches(value, warning)) return AlertSeverity.Warning;
        return null;
    }

    public double? ThresholdOf(AlertSeverity severity) => severity == AlertSeverity.Critical ? Critical : Warning;

    private bool Breaches(double value, double threshold) =>
        Comparison == AlertComparison.Above ? value >= threshold : value <= threshold;
}

public sealed record AlertState(
    AlertStatus Status, AlertSeverity? Severity, DateTime? BreachSinceUtc, DateTime? CriticalSinceUtc,
    DateTime? FiringSinceUtc, double? LastValue, DateTime? EvaluatedUtc)
{
    public static readonly AlertState Initial = new(AlertStatus.Ok, null, null, null, null, null, null);
}

public sealed record AlertChange(AlertChangeKind Kind, AlertSeverity Severity, double? Value, DateTime AtUtc, DateTime FiringSinceUtc);

// One rule, one step: given the last state and the value read now, the next state and what changed.
// A breach must hold for the rule's duration before it fires (and a critical breach for the same
// duration before it escalates); a firing alert keeps its worst severity until the value is back under
// the warning threshold, when it resolves at once. Unknown values neither fire nor resolve.
public static class AlertStateMachine
{
    public static (AlertState State, AlertChange? Change) Step(AlertThresholds rule, AlertState state, double? value, DateTime nowUtc)
    {
        var firing = state.Status == AlertStatus.Firing;
        var quiet = new AlertState(state.Status == AlertStatus.Resolved ? AlertStatus.Resolved : AlertStatus.Ok, null, null, null, null, value, nowUtc);

        if (!rule.Enabled)
        {
            return firing ? Resolve(state, value, nowUtc) : (quiet, null);
        }
        if (value is not { } known)
        {
            // No data is no evidence either way: a firing alert stays, a pending breach starts over.
            return firing
                ? (state with { LastValue = null, EvaluatedUtc = nowUtc }, null)
                : (quiet with { LastValue = null }, null);
        }

        var level = rule.Level(known);
        if (level is null)
        {
            return firing ? Resolve(state, known, nowUtc) : (quiet, null);
        }

        var breachSince = state.BreachSinceUtc ?? nowUtc;
        DateTime? criticalSince = level == AlertSeverity.Critical ? state.CriticalSinceUtc ?? nowUtc : null;
        AlertSeverity? held = criticalSince is { } c && nowUtc - c >= rule.For ? AlertSeverity.Critical
            : nowUtc - breachSince >= rule.For ? AlertSeverity.Warning
            : null;

        if (firing)
        {
            var next = state with { BreachSinceUtc = breachSince, CriticalSinceUtc = criticalSince, LastValue = known, EvaluatedUtc = nowUtc };
            if (held == AlertSeverity.Critical && state.Severity != AlertSeverity.Critical)
            {
                return (next with { Severity = AlertSeverity.Critical },
                    new AlertChange(AlertChangeKind.Escalated, AlertSeverity.Critical, known, nowUtc, state.FiringSinceUtc ?? nowUtc));
            }
            return (next, null);
        }

        if (held is { } severity)
        {
            return (new AlertState(AlertStatus.Firing, severity, breachSince, criticalSince, nowUtc, known, nowUtc),
                new AlertChange(AlertChangeKind.Fired, severity, known, nowUtc, nowUtc));
        }
        return (new AlertState(AlertStatus.Pending, null, breachSince, criticalSince, null, known, nowUtc), null);
    }

    private static (AlertState, AlertChange?) Resolve(AlertState state, double? value, DateTime nowUtc) =>
        (new AlertState(AlertStatus.Resolved, null, null, null, null, value, nowUtc),
            new AlertChange(AlertChangeKind.Resolved, state.Severity ?? AlertSeverity.Warning, value, nowUtc, state.FiringSinceUtc ?? nowUtc));
}
