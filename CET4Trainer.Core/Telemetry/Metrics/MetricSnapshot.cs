using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CET4Trainer.Core.Telemetry.Metrics;

// The system's figures at one moment, written every few seconds for the history charts. Time is kept
// as Unix seconds so a week can be averaged into buckets by integer division in SQL on every provider.
public sealed class MetricSnapshot
{
    public long Id { get; set; }
    public long AtUnix { get; set; }
    public double RequestsPerSecond { get; set; }
    public double? LatencyP50Ms { get; set; }
    public double? LatencyP95Ms { get; set; }
    public double? LatencyP99Ms { get; set; }
    public double ErrorRate { get; set; }
    public int ActiveCircuits { get; set; }
    public int ActiveUsers { get; set; }
    public double CpuPercent { get; set; }
    public double WorkingSetMb { get; set; }
    public double GcHeapMb { get; set; }
    public long Gen2Collections { get; set; }
    public long ThreadPoolQueueLength { get; set; }
    public double DbQueriesPerSecond { get; set; }
    public double AnswersPerMinute { get; set; }
    public double AiCallsPerMinute { get; set; }
    public double? AiSuccessRate { get; set; }
    public int TaskQueueDepth { get; set; }

    public DateTime AtUtc => DateTime.UnixEpoch.AddSeconds(AtUnix);

    public static MetricSnapshot From(SystemSnapshot s) => new()
    {
        AtUnix = new DateTimeOffset(s.AtUtc, TimeSpan.Zero).ToUnixTimeSeconds(),
        RequestsPerSecond = s.RequestsPerSecond,
        LatencyP50Ms = s.Latency.P50Ms,
        LatencyP95Ms = s.Latency.P95Ms,
        LatencyP99Ms = s.Latency.P99Ms,
        ErrorRate = s.ErrorRate,
        ActiveCircuits = (int)s.ActiveCircuits,
        ActiveUsers = (int)s.ActiveUsers,
        CpuPercent = s.CpuPercent,
        WorkingSetMb = s.WorkingSetBytes / 1048576.0,
        GcHeapMb = s.GcHeapBytes / 1048576.0,
        Gen2Collections = s.Gen2Collections,
        ThreadPoolQueueLength = s.ThreadPoolQueueLength,
        DbQueriesPerSecond = s.DbQueriesPerSecond,
        AnswersPerMinute = s.AnswersPerMinute,
        AiCallsPerMinute = s.Ai.Calls / s.Ai.WindowMinutes,
        AiSuccessRate = s.Ai.Calls == 0 ? null : s.Ai.SuccessRate,
        TaskQueueDepth = (int)s.TaskQueueDepth,
    };
}

internal sealed class MetricSnapshotConfiguration : IEntityTypeConfiguration<MetricSnapshot>
{
    public void Configure(EntityTypeBuilder<MetricSnapshot> snapshot)
    {
        snapshot.Ignore(s => s.AtUtc);
        snapshot.HasIndex(s => s.AtUnix).HasDatabaseName("IX_MetricSnapshots_At");
    }
}
