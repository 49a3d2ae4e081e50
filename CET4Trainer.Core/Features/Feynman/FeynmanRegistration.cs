using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CET4Trainer.Core.Features.Feynman;

public static class FeynmanRegistration
{
    public static IHostApplicationBuilder AddCet4Feynman(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<FeynmanTopics>();
        builder.Services.AddSingleton<FeynmanTurn>();
        builder.Services.AddSingleton<FeynmanSummarize>();
        builder.Services.AddSingleton<FeynmanService>();
        return builder;
    }
}
