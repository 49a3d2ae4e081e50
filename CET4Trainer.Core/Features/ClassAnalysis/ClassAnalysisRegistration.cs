using CET4Trainer.Core.Features.AiTasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CET4Trainer.Core.Features.ClassAnalysis;

public static class ClassAnalysisRegistration
{
    public static IHostApplicationBuilder AddCet4ClassAnalysis(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ClassSnapshotBuilder>();
        builder.Services.AddSingleton<AnalyzeClassOperation>();
        builder.Services.AddSingleton<ClassAnalysisService>();
        builder.Services.AddSingleton<IAiTaskHandler, ClassAnalysisHandler>();
        return builder;
    }
}
