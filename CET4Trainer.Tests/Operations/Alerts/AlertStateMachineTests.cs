using CET4Trainer.Core.Operations.Alerts;
using CET4Trainer.Tests.TestSupport;

namespace CET4Trainer.Tests.Operations.Alerts;

public sealed class AlertStateMachineTests
{
    private static readonly AlertThresholds Latency = new(AlertComparison.Above, 1000, 3000, TimeSpan.FromSeconds(60), true);
    private readonly FixedClock clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private AlertState state = AlertState.Initial;

    private AlertChange? Step(double? value, AlertThresholds? rule = null, int afterSeconds = 0)
    {
        clock.Now = clock.Now.AddSeconds(afterSeconds);
        (state, var change) = AlertStateMachine.Step(rule ?? Latency, state, value, clock.Now.UtcDateTime);
        return change;
    }

    [Fact]
    public void ABreach_IsPendingUntilItHasHeldForTheDuration_ThenFiresOnce()
    {
        Assert.Null(Step(1500));
        Assert.Equal(AlertStatus.Pending, state.Status);
        Assert.Null(Step(1600, afterSeconds: 59));
        Assert.Equal(AlertStatus.Pending, state.Status);

        var fired = Step(1700, afterSeconds: 1);

        Assert.Equal(AlertChangeKind.Fired, fired!.Kind);
        Assert.Equal(AlertSeverity.Warning, fired.Severity);
        Assert.Equal(1700, fired.Value);
        Assert.Equal(AlertStatus.Firing, state.Status);
        Assert.Null(Step(1800, afterSeconds: 15));
        Assert.Equal(AlertStatus.Firing, state.Status);
    }

    [Fact]
    public void ABreachThatEndsBeforeTheDuration_NeverFires_AndStartsOverNextTime()
    {
        Step(1500);
        Assert.Null(Step(900, afterSeconds: 30));
        Assert.Equal(AlertStatus.Ok, state.Status);

        Assert.Null(Step(1500, afterSeconds: 30));
        Assert.Null(Step(1500, afterSeconds: 59));
        Assert.Equal(AlertStatus.Pending, state.Status);
        Assert.NotNull(Step(1500, afterSeconds: 1));
    }

    [Fact]
    public void AFiringWarning_EscalatesToCritical_OnlyAfterTheCriticalLevelHeldForTheDuration()
    {
        Step(1500);
        Step(1500, afterSeconds: 60);
        Assert.Equal(AlertSeverity.Warning, state.Severity);

        Assert.Null(Step(3500, afterSeconds: 10));
        Assert.Null(Step(3500, afterSeconds: 59));
        var escalated = Step(3600, afterSeconds: 1);

        Assert.Equal(AlertChangeKind.Escalated, escalated!.Kind);
        Assert.Equal(AlertSeverity.Critical, escalated.Severity);
        Assert.Equal(clock.Now.UtcDateTime.AddSeconds(-70), escalated.FiringSinceUtc);
        // Back between the thresholds: still firing, still critical, until it is under the warning line.
        Assert.Null(Step(2000, afterSeconds: 15));
        Assert.Equal(AlertSeverity.Critical, state.Severity);
    }

    [Fact]
    public void ACriticalBreachFromOk_FiresCriticalDirectly()
    {
        Step(5000);
        var fired = Step(5000, afterSeconds: 60);

        Assert.Equal(AlertSeverity.Critical, fired!.Severity);
    }

    [Fact]
    public void AFiringAlert_ResolvesAsSoonAsTheValueIsBackUnderTheWarningThreshold()
    {
        Step(1500);
        Step(1500, afterSeconds: 60);
        var firedAt = clock.Now.UtcDateTime;

        var resolved = Step(999, afterSeconds: 15);

        Assert.Equal(AlertChangeKind.Resolved, resolved!.Kind);
        Assert.Equal(AlertSeverity.Warning, resolved.Severity);
        Assert.Equal(firedAt, resolved.FiringSinceUtc);
        Assert.Equal(AlertStatus.Resolved, state.Status);
        Assert.Null(Step(999, afterSeconds: 15));
        Assert.Equal(AlertStatus.Resolved, state.Status);
    }

    [Fact]
    public void UnknownValues_NeverFire_ResetAPendingBreach_AndDoNotResolveAFiringAlert()
    {
        Step(1500);
        Assert.Null(Step(null, afterSeconds: 30));
        Assert.Equal(AlertStatus.Ok, state.Status);
        Assert.Null(Step(null, afterSeconds: 600));
        Assert.Equal(AlertStatus.Ok, state.Status);

        Step(1500, afterSeconds: 1);
        Step(1500, afterSeconds: 60);
        Assert.Equal(AlertStatus.Firing, state.Status);
        Assert.Null(Step(null, afterSeconds: 15));
        Assert.Equal(AlertStatus.Firing, state.Status);
        Assert.Null(state.LastValue);
    }

    [Fact]
    public void BelowRules_FireWhenTheValueFallsToTheThreshold()
    {
        var disk = new AlertThresholds(AlertComparison.Below, 15, 5, TimeSpan.Zero, true);

        Assert.Null(Step(15.1, disk));
        Assert.Equal(AlertSeverity.Warning, Step(15, disk)!.Severity);
        Assert.Equal(AlertChangeKind.Escalated, Step(4, disk, afterSeconds: 15)!.Kind);
        Assert.Equal(AlertChangeKind.Resolved, Step(40, disk, afterSeconds: 15)!.Kind);
    }

    [Fact]
    public void DisablingAFiringRule_ResolvesIt_AndADisabledRuleNeverFires()
    {
        var now = Latency with { For = TimeSpan.Zero };
        Step(1500, now);
        Assert.Equal(AlertStatus.Firing, state.Status);

        var resolved = Step(1500, now with { Enabled = false }, afterSeconds: 15);

        Assert.Equal(AlertChangeKind.Resolved, resolved!.Kind);
        Assert.Null(Step(99_999, now with { Enabled = false }, afterSeconds: 15));
        Assert.NotEqual(AlertStatus.Firing, state.Status);
    }
}
