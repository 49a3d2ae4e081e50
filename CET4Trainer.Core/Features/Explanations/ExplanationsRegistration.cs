using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Core.Features.Explanations;

public static class ExplanationsRegistration
{
    public static IHostApplicationBuilder AddCet4Explanations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<ExplanationCacheOptions>().BindConfiguration(ExplanationCacheOptions.Section).ValidateDataAnnotations();
        builder.Services.AddSingleton(sp => new ExplanationMemory(sp.GetRequiredService<IOptions<ExplanationCacheOptions>>().Value.MemoryCharacters));
        builder.Services.AddSingleton<ExplanationCacheStats>();
        builder.Services.AddSingleton<ExplanationCache>();
        builder.Services.AddSingleton<ExplainAnswer>();
        builder.Services.AddSingleton<ExplanationService>();
        return builder;
    }
}
