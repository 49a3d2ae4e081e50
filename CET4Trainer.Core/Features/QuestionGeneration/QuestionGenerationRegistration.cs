using CET4Trainer.Core.Features.AiTasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CET4Trainer.Core.Features.QuestionGeneration;

public static class QuestionGenerationRegistration
{
    public static IHostApplicationBuilder AddCet4QuestionGeneration(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PassageLibrary>();
        builder.Services.AddSingleton<OfflineQuestionEngine>();
        builder.Services.AddSingleton<GenerateQuestionsOperation>();
        builder.Services.AddSingleton<QuestionGenerationService>();
        builder.Services.AddSingleton<IAiTaskHandler, GenerateQuestionsHandler>();
        return builder;
    }
}
