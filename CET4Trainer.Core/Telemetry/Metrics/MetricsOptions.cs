using System.Net;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Core.Telemetry.Metrics;

public sealed class MetricsOptions
{
    public const string Section = "Monitoring";

    // Client addresses (single addresses or CIDR ranges) that may read /metrics without signing in,
    // for a Prometheus server. Everyone else needs the Admin role.
    public List<string> MetricsAllowedAddresses { get; set; } = [];

    // Rates and percentiles on the live pages cover this many seconds.
    public int WindowSeconds { get; set; } = 60;

    // AI calls are rarer, so their figures cover a longer window.
    public int AiWindowMinutes { get; set; } = 15;

    // How often a snapshot row is written for the history charts.
    public int SnapshotSeconds { get; set; } = 15;

    public IReadOnlyList<IPNetwork> AllowedNetworks() =>
        MetricsAllowedAddresses.Select(a => TryParseNetwork(a, out var network) ? network : throw new FormatException(a)).ToList();

    public static bool TryParseNetwork(string text, out IPNetwork network)
    {
        text = text.Trim();
        if (IPNetwork.TryParse(text, out network)) return true;
        if (IPAddress.TryParse(text, out var address))
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }
        return false;
    }
}

internal sealed class MetricsOptionsValidator : IValidateOptions<MetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricsOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.MetricsAllowedAddresses.Count; i++)
        {
            if (!MetricsOptions.TryParseNetwork(options.MetricsAllowedAddresses[i] ?? "", out _))
                errors.Add($"Monitoring:MetricsAllowedAddresses:{i} is not an IP address or CIDR range (for example 10.0.0.5 or 10.0.0.0/24).");
        }
        if (options.WindowSeconds is < 10 or > 600) errors.Add("Monitoring:WindowSeconds must be between 10 and 600.");
        if (options.AiWindowMinutes is < 1 or > 120) errors.Add("Monitoring:AiWindowMinutes must be between 1 and 120.");
        if (options.SnapshotSeconds is < 5 or > 3600) errors.Add("Monitoring:SnapshotSeconds must be between 5 and 3600.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
