namespace CET4Trainer.Core.Operations.Alerts;

public sealed class AlertSignals : IAlertSignals
{
    private readonly Dictionary<string, IAlertSignalSource> bySignal = new(StringComparer.Ordinal);

    public AlertSignals(IEnumerable<IAlertSignalSource> sources)
    {
        foreach (var source in sources)
        {
            foreach (var signal in source.Signals) bySignal[signal] = source;
        }
    }

    public IReadOnlyCollection<string> Known => bySignal.Keys;

    public ValueTask<double?> ReadAsync(string signal, CancellationToken cancellationToken) =>
        bySignal.TryGetValue(signal, out var source) ? source.ReadAsync(signal, cancellationToken) : ValueTask.FromResult<double?>(null);
}
