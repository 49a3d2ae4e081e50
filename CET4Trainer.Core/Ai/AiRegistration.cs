using CET4Trainer.Core.Ai.Engine;
using CET4Trainer.Core.Ai.Recording;
using CET4Trainer.Core.Jobs;
using CET4Trainer.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Core.Ai;

public static class AiRegistration
{
    public static IHostApplicationBuilder AddCet4Ai(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<AiOptions>().BindConfiguration(AiOptions.Section);
        builder.Services.AddSingleton<IValidateOptions<AiOptions>, AiOptionsValidator>();
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<AiMetrics>();
        builder.Services.AddSingleton<AiCallRecorder>();
        builder.Services.AddSingleton<AiBudget>();
        builder.Services.AddSingleton<AiProviderChain>();
        builder.Services.AddSingleton<AiUserRateLimiter>();
        builder.Services.AddSingleton<AiGateway>();
        builder.Services.AddSingleton<AiActivityReport>();
        builder.Services.AddHealthChecks().AddCheck<AiProvidersHealthCheck>(AiProvidersHealthCheck.Name, tags: [JobsRegistration.ReadyTag]);
        return builder;
    }
}
