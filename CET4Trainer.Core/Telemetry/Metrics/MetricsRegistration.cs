using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace CET4Trainer.Core.Telemetry.Metrics;

public static class MetricsRegistration
{
    public static IHostApplicationBuilder AddCet4Metrics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMetrics();
        builder.Services.AddOptionsWithValidateOnStart<MetricsOptions>().BindConfiguration(MetricsOptions.Section);
        builder.Services.AddSingleton<IValidateOptions<MetricsOptions>, MetricsOptionsValidator>();
        builder.Services.AddSingleton<MetricsAggregator>();
        builder.Services.AddSingleton<PracticeMetrics>();
        builder.Services.AddSingleton<AiTaskMetrics>();
        builder.Services.AddSingleton<ActiveUsers>();
        builder.Services.AddSingleton<MetricHistory>();
        builder.Services.AddSingleton<AiUsageReport>();
        builder.Services.AddHostedService<MetricsStartup>();

        var options = builder.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        var interval = TimeSpan.FromSeconds(Math.Clamp(options.SnapshotSeconds, 5, 3600));
        builder.Services.AddQuartz(q => q.ScheduleJob<MetricSnapshotJob>(
            trigger => trigger.WithIdentity("metric-snapshot-repeating", "telemetry")
                .StartAt(DateTimeOffset.UtcNow.Add(interval))
                // After a pause, one late snapshot is enough; no burst of catch-up rows.
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
            job => job.WithIdentity(MetricSnapshotJob.Key)));
        return builder;
    }
}

// Creates the listener and the app's instruments at start-up, so the first requests are counted and
// CPU has a first sample to compare with.
internal sealed class MetricsStartup(MetricsAggregator metrics, PracticeMetrics practice, AiTaskMetrics tasks, ActiveUsers users) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(practice);
        GC.KeepAlive(tasks);
        GC.KeepAlive(users);
        metrics.Snapshot();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
