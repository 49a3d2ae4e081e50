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
        return builder;
    }
}
