using CET4Trainer.Core.Data;
using CET4Trainer.Core.Jobs;
using CET4Trainer.Core.Telemetry.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CET4Trainer.Core.Telemetry;

public static class TelemetryRegistration
{
    public static IHostApplicationBuilder AddCet4Telemetry(this IHostApplicationBuilder builder)
    {
        // The scheduler's check is registered with the scheduler (AddCet4Jobs).
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: [JobsRegistration.ReadyTag]);
        builder.Services.AddSingleton<HealthSummaryService>();
        builder.Services.AddSingleton<RuntimeInfo>();
        builder.AddCet4Metrics();
        return builder;
    }
}
