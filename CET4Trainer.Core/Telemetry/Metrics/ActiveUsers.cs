using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CET4Trainer.Core.Telemetry.Metrics;

// Signed-in people with at least one open circuit (one person with three tabs counts once).
public sealed class ActiveUsers
{
    public const string MeterName = "CET4Trainer.Users";
    public const string InstrumentName = "cet4.users.active";

    private readonly ConcurrentDictionary<string, int> circuits = new();

    public ActiveUsers(IMeterFactory meters) =>
        meters.Create(MeterName).CreateObservableGauge(InstrumentName, () => Count, "{user}", "Signed-in users with an open circuit");

    public int Count => circuits.Count;

    public void Opened(string userId) => circuits.AddOrUpdate(userId, 1, (_, n) => n + 1);

    public void Closed(string userId)
    {
        while (circuits.TryGetValue(userId, out var n))
        {
            if (n <= 1 ? circuits.TryRemove(new KeyValuePair<string, int>(userId, n)) : circuits.TryUpdate(userId, n - 1, n)) return;
        }
    }
}
