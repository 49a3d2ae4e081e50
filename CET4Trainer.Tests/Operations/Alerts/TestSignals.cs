using System.Collections.Concurrent;
using CET4Trainer.Core.Operations.Alerts;

namespace CET4Trainer.Tests.Operations.Alerts;

// A signal source whose values the test sets, registered after the built-in ones so it wins for the
// signals it names. Unset signals read as unknown; a signal set to throw fails like a broken source.
public sealed class TestSignals(params string[] signals) : IAlertSignalSource
{
    private readonly ConcurrentDictionary<string, double?> values = new();

    public IReadOnlyCollection<string> Signals { get; } = signals;

    public HashSet<string> Broken { get; } = [];

    public void Set(string signal, double? value) => values[signal] = value;

    public ValueTask<double?> ReadAsync(string signal, CancellationToken cancellationToken)
    {
        if (Broken.Contains(signal)) throw new InvalidOperationException("signal source broke");
        return ValueTask.FromResult(values.GetValueOrDefault(signal));
    }
}
