using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CET4Trainer.Core.Operations.Database;

public static class DatabaseMonitorRegistration
{
    // The interceptor itself is added to the context options in AddCet4Data.
    public static IHostApplicationBuilder AddCet4DatabaseMonitor(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<SlowQueryOptions>().BindConfiguration(SlowQueryOptions.Section).ValidateDataAnnotations();
        builder.Services.AddSingleton<QueryLog>();
        builder.Services.AddSingleton<SlowQueryInterceptor>();
        builder.Services.AddSingleton<DatabaseReport>();
        return builder;
    }
}
