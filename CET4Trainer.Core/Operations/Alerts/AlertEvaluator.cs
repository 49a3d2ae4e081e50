using CET4Trainer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CET4Trainer.Core.Operations.Alerts;

// Reads every signal a rule watches, steps each rule's state machine, stores states and history in one
// save, then hands the changes to the webhook queue. Sending never happens here, so a slow or dead
// webhook cannot delay the next evaluation.
public sealed partial class AlertEvaluator(
    IDbContextFactory<AppDbContext> dbs,
    IAlertSignals signals,
    AlertHub hub,
    AlertWebhookQueue webhook,
    TimeProvider clock,
    ILogger<AlertEvaluator> log)
{
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    public async Task<IReadOnlyList<AlertEvent>> EvaluateAsync(CancellationToken cancellationToken)
    {
        await oneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await EvaluateOnceAsync(cancellationToken);
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    private async Task<IReadOnlyList<AlertEvent>> EvaluateOnceAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var rules = await db.AlertRules.OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var values = new Dictionary<string, double?>();
        foreach (var signal in rules.Where(r => r.Enabled).Select(r => r.Signal).Distinct())
        {
            values[signal] = await ReadAsync(signal, cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var events = new List<AlertEvent>();
        foreach (var rule in rules)
        {
            var thresholds = rule.Thresholds();
            var (state, change) = AlertStateMachine.Step(thresholds, rule.State(), values.GetValueOrDefault(rule.Signal), now);
            rule.Apply(state);
            if (change is null) continue;
            events.Add(new AlertEvent
            {
                RuleId = rule.Id,
                Signal = rule.Signal,
                Kind = change.Kind,
                Severity = change.Severity,
                Value = change.Value,
                // A resolution is measured against the line it fell back under: warning, or critical when there is none.
                Threshold = change.Kind == AlertChangeKind.Resolved
                    ? thresholds.Warning ?? thresholds.Critical
                    : thresholds.ThresholdOf(change.Severity),
                AtUtc = change.AtUtc,
                FiringSinceUtc = change.FiringSinceUtc,
                Webhook = webhook.Configured ? WebhookDelivery.Pending : WebhookDelivery.NotConfigured,
            });
        }
        db.AlertEvents.AddRange(events);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var alertEvent in events)
        {
            LogChange(alertEvent.Signal, alertEvent.Kind, alertEvent.Severity, alertEvent.Value);
            if (webhook.Configured) await webhook.EnqueueAsync(alertEvent.Id, cancellationToken);
        }
        hub.Publish();
        return events;
    }

    private async Task<double?> ReadAsync(string signal, CancellationToken cancellationToken)
    {
        try
        {
            return await signals.ReadAsync(signal, cancellationToken) is { } value && double.IsFinite(value) ? value : null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One broken signal must not stop the others from being watched.
            LogSignalFailed(e, signal);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {Signal}: {Kind} at severity {Severity}, value {Value}")]
    private partial void LogChange(string signal, AlertChangeKind kind, AlertSeverity severity, double? value);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert signal {Signal} could not be read; treated as unknown")]
    private partial void LogSignalFailed(Exception exception, string signal);
}
