using CET4Trainer.Core.Telemetry.Metrics;
using CET4Trainer.Tests.TestSupport;

namespace CET4Trainer.Tests.Telemetry.Metrics;

public sealed class MetricHistoryTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 9, 12, 0, 0, TimeSpan.Zero);

    private readonly SqliteTestDatabase database = new();

    // 15-second snapshots over the range (plus an older hour the range must not show), with known values.
    private async Task SeedAsync(TimeSpan span)
    {
        await using var db = database.CreateDbContext();
        var end = Now.ToUnixTimeSeconds();
        for (var at = end - (long)span.TotalSeconds - 3600; at <= end; at += 15)
        {
            var minute = at / 60;
            db.MetricSnapshots.Add(new MetricSnapshot
            {
                AtUnix = at,
                // Alternating 10 and 30 within each minute: every bucket of whole minutes averages 20.
                RequestsPerSecond = at % 30 == 0 ? 10 : 30,
                LatencyP95Ms = minute % 60 == 7 && at % 60 == 0 ? 900 : 40,
                LatencyP50Ms = at < end - (long)span.TotalSeconds ? 99_999 : 5,
                CpuPercent = 50,
                WorkingSetMb = 200,
            });
        }
        await db.SaveChangesAsync();
    }

    [Theory]
    [InlineData(HistoryRange.Hour, 240, 15)]
    [InlineData(HistoryRange.Day, 288, 300)]
    [InlineData(HistoryRange.Week, 336, 1800)]
    public async Task Ranges_AreDownsampledToBucketsOfAFewHundredPoints(HistoryRange range, int points, int bucketSeconds)
    {
        await SeedAsync(MetricHistory.Shape(range).Span);
        var history = new MetricHistory(database, new FixedClock(Now));

        var read = await history.ReadAsync(range, TestContext.Current.CancellationToken);

        // The range's first bucket may be cut by the range start, and the current one has just begun.
        Assert.InRange(read.Count, points, points + 1);
        Assert.All(read.Zip(read.Skip(1)), pair => Assert.Equal(TimeSpan.FromSeconds(bucketSeconds), pair.Second.AtUtc - pair.First.AtUtc));
        Assert.All(read, p => Assert.True(p.AtUtc >= Now.UtcDateTime - MetricHistory.Shape(range).Span - TimeSpan.FromSeconds(bucketSeconds)));
        Assert.DoesNotContain(read, p => p.LatencyP50Ms > 5);
        if (range != HistoryRange.Hour)
        {
            Assert.All(read.Skip(1).SkipLast(1), p => Assert.Equal(20, p.RequestsPerSecond, 6));
            // The minute-7 spike survives downsampling in the worst-of-bucket p95.
            Assert.Contains(read, p => p.LatencyP95Ms == 900);
        }
        Assert.All(read, p => Assert.Equal(50, p.CpuPercent, 6));
    }

    [Fact]
    public async Task SaveAsync_WritesTheSnapshotsFigures_AndHourReadsThemBack()
    {
        var clock = new FixedClock(Now);
        var history = new MetricHistory(database, clock);
        var snapshot = new SystemSnapshot(Now.UtcDateTime.AddSeconds(-30), 60, 12.5, new Latency(3, 40, 90), 0.02, 1, 7, 4, 9, 7, 35, 300L << 20, 80L << 20,
            10, 4, 1, 2, 20, 50, 120, new Dictionary<string, long> { ["Queued"] = 3, ["Running"] = 1 },
            new AiFigures(15, [new AiEngineFigures("deepseek", 30, 27, Latency.None, 30, 0, 0, 0)], 0, 0, 0), []);

        await history.SaveAsync(snapshot, TestContext.Current.CancellationToken);
        var point = Assert.Single(await history.ReadAsync(HistoryRange.Hour, TestContext.Current.CancellationToken));

        Assert.Equal(Now.UtcDateTime.AddSeconds(-30), point.AtUtc);
        Assert.Equal((12.5, 40.0, 90.0, 7.0, 4.0, 35.0, 300.0, 80.0), (point.RequestsPerSecond, point.LatencyP95Ms!.Value, point.LatencyP99Ms!.Value,
            point.ActiveCircuits, point.ActiveUsers, point.CpuPercent, point.WorkingSetMb, point.GcHeapMb));
        Assert.Equal((120.0, 2.0, 3.0), (point.AnswersPerMinute, point.AiCallsPerMinute, point.TaskQueueDepth));
    }

    [Fact]
    public async Task NoRows_GiveAnEmptyHistory()
    {
        var history = new MetricHistory(database, new FixedClock(Now));

        Assert.Empty(await history.ReadAsync(HistoryRange.Week, TestContext.Current.CancellationToken));
    }

    public void Dispose() => database.Dispose();
}
