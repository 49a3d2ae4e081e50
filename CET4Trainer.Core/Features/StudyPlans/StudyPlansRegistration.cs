using CET4Trainer.Core.Features.AiTasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CET4Trainer.Core.Features.StudyPlans;

public static class StudyPlansRegistration
{
    public static IHostApplicationBuilder AddCet4StudyPlans(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LearnerStatistics>();
        builder.Services.AddSingleton<GenerateStudyPlanOperation>();
        builder.Services.AddSingleton<StudyPlanService>();
        builder.Services.AddSingleton<ClassPlanService>();
        builder.Services.AddSingleton<IAiTaskHandler, ClassPlanHandler>();
        return builder;
    }
}
