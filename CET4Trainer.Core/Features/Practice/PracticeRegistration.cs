using CET4Trainer.Core.Features.Dashboard;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Review;
using CET4Trainer.Core.Features.Scoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace CET4Trainer.Core.Features.Practice;

public static class PracticeRegistration
{
    public static IHostApplicationBuilder AddCet4Practice(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMemoryCache(o => o.SizeLimit = 20_000);
        builder.Services.AddOptions<ScoringOptions>().BindConfiguration(ScoringOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<ItemCatalog>();
        builder.Services.AddSingleton<IItemChangeListener>(sp => sp.GetRequiredService<ItemCatalog>());
        builder.Services.AddSingleton<EssayGrading>();
        builder.Services.AddSingleton<SessionStarter>();
        builder.Services.AddSingleton<PracticeActivityHub>();
        builder.Services.AddSingleton<PracticeService>();
        builder.Services.AddSingleton<DeckService>();
        builder.Services.AddSingleton<StudentDashboard>();
        builder.Services.AddSingleton<ItemStatistics>();
        builder.Services.AddSingleton<MistakeNotebook>();
        builder.Services.AddQuartz(q => q.ScheduleJob<ItemStatisticsJob>(
            trigger => trigger.WithIdentity("item-statistics-every-10-minutes", "practice")
                .StartAt(DateTimeOffset.UtcNow.AddMinutes(2))
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(10)).RepeatForever()),
            job => job.WithIdentity(ItemStatisticsJob.Key)));
        return builder;
    }
}
