using System.Diagnostics.Metrics;
using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Features.Practice;
using CET4Trainer.Core.Telemetry.Metrics;
using CET4Trainer.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Tests.Telemetry.Metrics;

// The aggregator behind a real MeterListener, fed through meters of the same names the framework uses,
// with a clock the test moves. Meters belong to the test's own factory, so other hosts running in the
// same process cannot leak into these figures.
public sealed class MetricsAggregatorTests : IDisposable
{
    // A whole multiple of every slot length, so the windows below start where the test expects.
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FixedClock clock = new(Start);
    private readonly IMeterFactory meters;
    private readonly MetricsAggregator aggregator;
    private readonly Histogram<double> requests;

    public MetricsAggregatorTests()
    {
        meters = services.GetRequiredService<IMeterFactory>();
        aggregator = new MetricsAggregator(meters, clock, Options.Create(new MetricsOptions()));
        requests = meters.Create("Microsoft.AspNetCore.Hosting").CreateHistogram<double>(MetricsAggregator.RequestDuration, "s");
    }

    private void Request(string route, double ms, int status = 200, string method = "GET") =>
        requests.Record(ms / 1000, new("http.route", route), new("http.request.method", method), new("http.response.status_code", status));

    [Fact]
    public void LatencyPercentiles_OfOneToThousandMs_AreWithinTheStatedAccuracy()
    {
        foreach (var ms in Enumerable.Range(1, 1000).OrderBy(i => (i * 7919) % 1000)) Request("/student/practice", ms);

        var snapshot = aggregator.Snapshot();

        var tolerance = 0.025; // decision record 0022: ≤ 2% bucket error plus rank rounding
        Assert.InRange(snapshot.Latency.P50Ms!.Value, 500 * (1 - tolerance), 500 * (1 + tolerance));
        Assert.InRange(snapshot.Latency.P95Ms!.Value, 950 * (1 - tolerance), 950 * (1 + tolerance));
        Assert.InRange(snapshot.Latency.P99Ms!.Value, 990 * (1 - tolerance), 990 * (1 + tolerance));
        var route = Assert.Single(snapshot.Routes);
        Assert.Equal(("GET", "/student/practice", 1000L), (route.Method, route.Route, route.Requests));
        Assert.InRange(route.Latency.P95Ms!.Value, 950 * (1 - tolerance), 950 * (1 + tolerance));
    }

    [Fact]
    public void RequestRate_IsRequestsInTheWindowOverTheTimeItCovers_AndFallsToZeroWhenTrafficStops()
    {
        for (var second = 0; second < 120; second++)
        {
            clock.Now = Start.AddSeconds(second);
            for (var i = 0; i < 5; i++) Request("/api/ai/tasks/{id:guid}", 12);
        }
        clock.Now = Start.AddSeconds(120);

        Assert.Equal(5, aggregator.Snapshot().RequestsPerSecond, 6);

        clock.Now = Start.AddSeconds(185);
        var quiet = aggregator.Snapshot();
        Assert.Equal(0, quiet.RequestsPerSecond);
        Assert.Null(quiet.Latency.P50Ms);
        Assert.Empty(quiet.Routes);
    }

    [Fact]
    public void EarlyRate_DividesByTheTimeSinceStart_NotByTheWholeWindow()
    {
        for (var i = 0; i < 40; i++) Request("/", 3);
        clock.Now = Start.AddSeconds(10);

        Assert.Equal(4, aggregator.Snapshot().RequestsPerSecond, 6);
    }

    [Fact]
    public void ErrorRate_IsTheShareOf5xx_AndTheBlazorHubStaysOutOfOverallLatency()
    {
        for (var i = 0; i < 90; i++) Request("/teacher", 20);
        for (var i = 0; i < 10; i++) Request("/teacher", 20, status: 503);
        for (var i = 0; i < 5; i++) Request("/admin", 20, status: 404);
        Request("/_blazor", 600_000, status: 101);

        var snapshot = aggregator.Snapshot();

        Assert.Equal(10.0 / 105, snapshot.ErrorRate, 6);
        Assert.InRange(snapshot.Latency.P99Ms!.Value, 19, 21);
        var teacher = snapshot.Routes.Single(r => r.Route == "/teacher");
        Assert.Equal((100L, 10L, 0.1), (teacher.Requests, teacher.ServerErrors, teacher.ErrorRate));
        var hub = snapshot.Routes.Single(r => r.Route == "/_blazor");
        Assert.InRange(hub.Latency.P50Ms!.Value, 590_000, 610_000);
        Assert.Equal(["/teacher", "/admin", "/_blazor"], snapshot.Routes.Select(r => r.Route));
    }

    [Fact]
    public void PracticeAnswers_CountedFromTheActivityHub_GiveAnswersPerMinute()
    {
        var hub = new PracticeActivityHub();
        using var practice = new PracticeMetrics(meters, hub);
        for (var second = 0; second < 90; second++)
        {
            clock.Now = Start.AddSeconds(second);
            hub.Publish(new PracticeActivity("s1", 1, null, PracticeActivityKind.Answered));
            hub.Publish(new PracticeActivity("s1", 1, null, PracticeActivityKind.Regraded));
        }
        hub.Publish(new PracticeActivity("s1", 1, null, PracticeActivityKind.Completed));
        clock.Now = Start.AddSeconds(90);

        Assert.Equal(60, aggregator.Snapshot().AnswersPerMinute, 6);
    }

    [Fact]
    public void AiFigures_GiveSuccessRateLatencyTokensCostFallbacksAndCacheHitRate_PerEngine()
    {
        var ai = new AiMetrics(meters);
        for (var i = 1; i <= 9; i++) ai.Call("deepseek", "explain", "Success", i * 100, 200, 50, 0.01m);
        ai.Call("deepseek", "explain", "TransientFailure", 2000, 0, 0, 0);
        ai.Call(AiEngines.Offline, "explain", "Success", 2, 0, 0, 0);
        ai.Fallback("deepseek", AiEngines.Offline);
        ai.ExplanationCache(hit: true);
        ai.ExplanationCache(hit: true);
        ai.ExplanationCache(hit: true);
        ai.ExplanationCache(hit: false);

        var figures = aggregator.Snapshot().Ai;

        var deepseek = figures.Engines.Single(e => e.Engine == "deepseek");
        Assert.Equal((10L, 9L, 0.9), (deepseek.Calls, deepseek.Successes, deepseek.SuccessRate));
        Assert.Equal((1800L, 450L), (deepseek.InputTokens, deepseek.OutputTokens));
        Assert.Equal(0.09, deepseek.Cost, 9);
        Assert.InRange(deepseek.Latency.P50Ms!.Value, 490, 510);
        Assert.InRange(deepseek.Latency.P99Ms!.Value, 1960, 2040);
        Assert.Equal(1L, figures.Fallbacks);
        Assert.Equal(0.75, figures.CacheHitRate);
        Assert.Equal(11L, figures.Calls);

        // The AI window is longer than the request window: 20 minutes later the calls have left it.
        clock.Now = Start.AddMinutes(20);
        var later = aggregator.Snapshot().Ai.Engines.Single(e => e.Engine == "deepseek");
        Assert.Equal((0L, 10L), (later.Calls, later.CallsSinceStart));
        Assert.Null(later.Latency.P50Ms);
    }

    [Fact]
    public void Gauges_ReportTheirLastValue_AndUpDownCountersTheirRunningSum()
    {
        var users = new ActiveUsers(meters);
        users.Opened("a");
        users.Opened("a");
        users.Opened("b");
        users.Closed("a");
        var circuits = meters.Create("Microsoft.AspNetCore.Components.Server.Circuits").CreateUpDownCounter<long>("aspnetcore.components.circuit.active");
        circuits.Add(1);
        circuits.Add(1);
        circuits.Add(1);
        circuits.Add(-1);

        var snapshot = aggregator.Snapshot();

        Assert.Equal((2L, 2L), (snapshot.ActiveUsers, snapshot.ActiveCircuits));
        users.Closed("a");
        Assert.Equal(1L, aggregator.Snapshot().ActiveUsers);
    }

    [Fact]
    public void RuntimeMeter_IsListenedTo_ForMemoryThreadsAndCpu()
    {
        aggregator.Snapshot();
        var spin = System.Diagnostics.Stopwatch.StartNew();
        while (spin.ElapsedMilliseconds < 300) Math.Sqrt(spin.ElapsedTicks);
        clock.Now = Start.AddSeconds(1);

        var snapshot = aggregator.Snapshot();

        Assert.True(snapshot.ThreadPoolThreads > 0, "thread pool threads come from the System.Runtime meter");
        Assert.True(snapshot.WorkingSetBytes > 10_000_000);
        Assert.True(snapshot.GcHeapBytes > 0);
        Assert.True(snapshot.CpuPercent > 0, $"CPU {snapshot.CpuPercent}%");
    }

    [Fact]
    public void MetersOfAnotherFactory_AreIgnored()
    {
        using var other = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var foreign = other.GetRequiredService<IMeterFactory>().Create("Microsoft.AspNetCore.Hosting")
            .CreateHistogram<double>(MetricsAggregator.RequestDuration, "s");
        foreign.Record(0.01, new KeyValuePair<string, object?>("http.route", "/elsewhere"));

        Assert.DoesNotContain(aggregator.Snapshot().Routes, r => r.Route == "/elsewhere");
    }

    public void Dispose()
    {
        aggregator.Dispose();
        services.Dispose();
    }
}
