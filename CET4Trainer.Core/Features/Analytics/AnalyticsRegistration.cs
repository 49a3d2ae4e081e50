using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CET4Trainer.Core.Features.Analytics;

public static class AnalyticsRegistration
{
    public static IHostApplicationBuilder AddCet4Analytics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AnalyticsService>();
        return builder;
    }
}
