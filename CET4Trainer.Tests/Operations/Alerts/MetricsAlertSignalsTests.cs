using System.Diagnostics.Metrics;
using CET4Trainer.Core.Operations.Alerts;
using CET4Trainer.Core.Telemetry.Metrics;
using CET4Trainer.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Tests.Operations.Alerts;

// The alert rules read request figures from the metric aggregation, as percentages, and treat a quiet
// window as unknown rather than as a perfect 0% error rate.
public sealed class MetricsAlertSignalsTests : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FixedClock clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly MetricsAggregator aggregator;
    private readonly Histogram<double> requests;
    private readonly MetricsAlertSignals signals;

    public MetricsAlertSignalsTests()
    {
        var meters = services.GetRequiredService<IMeterFactory>();
        aggregator = new MetricsAggregator(meters, clock, Options.Create(new MetricsOptions()));
        requests = meters.Create("Microsoft.AspNetCore.Hosting").CreateHistogram<double>(MetricsAggregator.RequestDuration, "s");
        signals = new MetricsAlertSignals(aggregator);
    }

    private ValueTask<double?> Read(string signal) => signals.ReadAsync(signal, TestContext.Current.CancellationToken);

    [Fact]
    public async Task WithNoTraffic_LatencyAndErrorRateAreUnknown()
    {
        Assert.Null(await Read(AlertSignalNames.LatencyP95Ms));
        Assert.Null(await Read(AlertSignalNames.ErrorRate));
        Assert.Null(await Read(AlertSignalNames.AiFailureRate));
    }

    [Fact]
    public async Task ErrorRate_IsThePercentageOf5xx_AndP95FollowsTheRequests()
    {
        for (var i = 0; i < 90; i++) requests.Record(0.2, new("http.route", "/"), new("http.request.method", "GET"), new("http.response.status_code", 200));
        for (var i = 0; i < 10; i++) requests.Record(2.0, new("http.route", "/"), new("http.request.method", "GET"), new("http.response.status_code", 503));
        clock.Now = clock.Now.AddSeconds(10);

        Assert.Equal(10, (await Read(AlertSignalNames.ErrorRate))!.Value, 6);
        Assert.InRange((await Read(AlertSignalNames.LatencyP95Ms))!.Value, 1900, 2100);
        Assert.Null(await Read(AlertSignalNames.MemoryMb));
    }

    public void Dispose()
    {
        aggregator.Dispose();
        services.Dispose();
    }
}
