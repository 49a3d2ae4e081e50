using CET4Trainer.Core.Telemetry.Metrics;
using CET4Trainer.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using System.Diagnostics.Metrics;

namespace CET4Trainer.Tests.Telemetry.Metrics;

public sealed class PrometheusTextTests
{
    [Fact]
    public void Exposition_HasCountersWithTotal_SummariesWithQuantiles_GaugesAndEscapedLabels()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        using var aggregator = new MetricsAggregator(meters, clock, Options.Create(new MetricsOptions()));
        var meter = meters.Create("CET4Trainer.Test");
        var counter = meter.CreateCounter<long>("cet4.test.things", "{thing}", "Things done\nacross \\ lines");
        var histogram = meter.CreateHistogram<double>("cet4.test.duration", "s", "How long");
        var gauge = meter.CreateUpDownCounter<int>("cet4.test.open", "{item}");
        const string awkward = "say \"hi\"\\\nbye 中文";
        counter.Add(3, new KeyValuePair<string, object?>("kind", awkward));
        counter.Add(4, new KeyValuePair<string, object?>("kind", awkward));
        counter.Add(1, new KeyValuePair<string, object?>("kind", "plain"), new KeyValuePair<string, object?>("bad.key-name", 7));
        foreach (var ms in Enumerable.Range(1, 100)) histogram.Record(ms / 1000.0);
        gauge.Add(5);
        gauge.Add(-2);

        var text = PrometheusText.Write(aggregator.Families());
        var parsed = PrometheusParser.Parse(text);

        Assert.Equal("counter", parsed.Types["cet4_test_things_total"]);
        Assert.Equal(7, parsed.Samples.Single(s => s.Name == "cet4_test_things_total" && s.Labels["kind"] == awkward).Value);
        var plain = parsed.Samples.Single(s => s.Name == "cet4_test_things_total" && s.Labels["kind"] == "plain");
        Assert.Equal("7", plain.Labels["bad_key_name"]);
        Assert.Contains("# HELP cet4_test_things_total Things done\\nacross \\\\ lines\n", text);

        Assert.Equal("summary", parsed.Types["cet4_test_duration_seconds"]);
        var quantiles = parsed.Samples.Where(s => s.Name == "cet4_test_duration_seconds").ToDictionary(s => s.Labels["quantile"], s => s.Value);
        Assert.Equal(new[] { "0.5", "0.95", "0.99" }, quantiles.Keys.ToArray());
        Assert.InRange(quantiles["0.95"], 0.095 * 0.975, 0.095 * 1.025);
        Assert.Equal(100, parsed.Samples.Single(s => s.Name == "cet4_test_duration_seconds_count").Value);
        Assert.Equal(5.05, parsed.Samples.Single(s => s.Name == "cet4_test_duration_seconds_sum").Value, 9);

        Assert.Equal("gauge", parsed.Types["cet4_test_open"]);
        Assert.Equal(3, parsed.Samples.Single(s => s.Name == "cet4_test_open").Value);
    }

    [Fact]
    public void EmptyWindow_WritesNaNQuantiles_WhichTheFormatAllows()
    {
        var family = new MetricFamily("m", "cet4.idle", "ms", null, MetricType.Summary,
            [new MetricSample([], 0, [new(0.5, double.NaN)], 0, 0)]);

        var parsed = PrometheusParser.Parse(PrometheusText.Write([family]));

        Assert.True(double.IsNaN(parsed.Samples.Single(s => s.Labels.ContainsKey("quantile")).Value));
        Assert.Equal("summary", parsed.Types["cet4_idle_milliseconds"]);
    }
}
