using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Accounts;
using CET4Trainer.Core.Features.Analytics;
using CET4Trainer.Core.Features.AiTasks;
using CET4Trainer.Core.Features.ClassAnalysis;
using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Demo;
using CET4Trainer.Core.Features.Exam;
using CET4Trainer.Core.Features.Grading;
using CET4Trainer.Core.Features.Explanations;
using CET4Trainer.Core.Features.Feynman;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;
using CET4Trainer.Core.Features.QuestionGeneration;
using CET4Trainer.Core.Features.StudyPlans;
using CET4Trainer.Core.Hosting;
using CET4Trainer.Core.Jobs;
using CET4Trainer.Core.Operations.Backup;
using CET4Trainer.Core.Operations.Database;
using CET4Trainer.Core.Operations.Jobs;
using CET4Trainer.Core.Operations.Retention;
using CET4Trainer.Core.Operations.Alerts;
using CET4Trainer.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CET4Trainer.Core;

public static class CoreRegistration
{
    // Order matters: the database is migrated and seeded before the scheduler starts.
    public static IHostApplicationBuilder AddCet4Core(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(AppPaths.Of(builder));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddCet4Data();
        builder.AddCet4Accounts();
        builder.AddCet4Content();
        builder.AddCet4Practice();
        builder.AddCet4Ai();
        builder.AddCet4AiTasks();
        builder.AddCet4Grading();
        builder.AddCet4Demo();
        builder.AddCet4QuestionGeneration();
        builder.AddCet4StudyPlans();
        builder.AddCet4ClassAnalysis();
        builder.AddCet4Analytics();
        builder.AddCet4Explanations();
        builder.AddCet4Feynman();
        builder.AddCet4Jobs();
        builder.AddCet4JobMonitor();
        builder.AddCet4DatabaseMonitor();
        builder.AddCet4Retention();
        builder.AddCet4Backup();
        builder.AddCet4Telemetry();
        builder.AddCet4Alerts();

        builder.Services.AddOptionsWithValidateOnStart<LocaleOptions>().BindConfiguration(LocaleOptions.Section)
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Locale:TimeZone is not a known time zone id (for example Asia/Shanghai).");
        builder.Services.AddSingleton<LocalClock>();
        builder.Services.AddOptions<ExamOptions>().BindConfiguration(ExamOptions.Section);
        builder.Services.AddSingleton<ExamCalendar>();
        builder.Services.AddSingleton<CourseService>();
        builder.Services.AddSingleton<AssignmentService>();
        builder.Services.AddSingleton<AssignmentProgressService>();
        builder.Services.AddSingleton<RosterImport>();
        builder.Services.AddSingleton<Features.Gradebook.GradebookService>();
        return builder;
    }
}
