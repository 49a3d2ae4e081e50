using CET4Trainer.Core.Features.AiTasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CET4Trainer.Core.Features.Grading;

public static class GradingRegistration
{
    public static IHostApplicationBuilder AddCet4Grading(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<GradingOptions>().BindConfiguration(GradingOptions.Section)
            .Validate(o => o.ReviewBelowConfidence is >= 0 and <= 1, "Grading:ReviewBelowConfidence must be a number from 0 to 1.");
        builder.Services.AddSingleton<OfflineGrading>();
        builder.Services.AddSingleton<GradeWriting>();
        builder.Services.AddSingleton<GradeTranslation>();
        builder.Services.AddSingleton<EssayReviewService>();
        builder.Services.AddSingleton<GradeBatchService>();
        builder.Services.AddSingleton<IAiTaskHandler, GradeBatchHandler>();
        return builder;
    }
}
