using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CET4Trainer.Core.Telemetry;

public sealed record HealthEntry(string Name, HealthStatus Status, string? Description, double DurationMs);

public sealed record HealthSummary(HealthStatus Status, double TotalDurationMs, IReadOnlyList<HealthEntry> Checks, DateTime CheckedUtc);

// One reading of the readiness checks, shared by /health/ready and the admin pages so both say the same.
public sealed class HealthSummaryService(HealthCheckService checks, TimeProvider clock)
{
    public async Task<HealthSummary> ReadyAsync(CancellationToken cancellationToken = default)
    {
        var report = await checks.CheckHealthAsync(r => r.Tags.Contains(Jobs.JobsRegistration.ReadyTag), cancellationToken);
        var entries = report.Entries
            .Select(e => new HealthEntry(e.Key, e.Value.Status, e.Value.Description ?? (e.Value.Exception is null ? null : "Check failed; the log has the details."), e.Value.Duration.TotalMilliseconds))
            .OrderBy(e => e.Name)
            .ToList();
        return new HealthSummary(report.Status, report.TotalDuration.TotalMilliseconds, entries, clock.GetUtcNow().UtcDateTime);
    }
}
