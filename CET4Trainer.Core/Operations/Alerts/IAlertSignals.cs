namespace CET4Trainer.Core.Operations.Alerts;

// What the alert rules read: the current value of a named signal (AlertSignalNames), or null when
// nothing knows it right now. Unknown values never fire an alert.
public interface IAlertSignals
{
    ValueTask<double?> ReadAsync(string signal, CancellationToken cancellationToken);
}

// One provider of some signals. Register more with services.AddSingleton<IAlertSignalSource, ...>();
// when two sources name the same signal, the one registered last wins, so a later, better source
// (the metrics aggregation) replaces a built-in one without removing it.
public interface IAlertSignalSource
{
    IReadOnlyCollection<string> Signals { get; }

    ValueTask<double?> ReadAsync(string signal, CancellationToken cancellationToken);
}
