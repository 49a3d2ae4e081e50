using CET4Trainer.Core.Operations.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace CET4Trainer.Core.Operations.Retention;

public static class RetentionRegistration
{
    public static IHostApplicationBuilder AddCet4Retention(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<RetentionOptions>().BindConfiguration(RetentionOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => JobSchedule.IsValid(o.Schedule), "Retention:Schedule must be a Quartz cron expression (\"0 30 3 * * ?\") or an interval of at least a minute (\"06:00:00\").");
        builder.Services.AddSingleton<IRetentionTarget, AiCallRetention>();
        builder.Services.AddSingleton<IRetentionTarget, FinishedTaskRetention>();
        builder.Services.AddSingleton<IRetentionTarget, MetricSnapshotRetention>();
        builder.Services.AddSingleton<RetentionService>();

        var options = builder.Configuration.GetSection(RetentionOptions.Section).Get<RetentionOptions>() ?? new RetentionOptions();
        // An invalid schedule is reported by the validation above; the trigger is not built from it.
        if (JobSchedule.IsValid(options.Schedule))
        {
            var zone = JobSchedule.Zone(builder.Configuration);
            builder.Services.AddQuartz(q => q.ScheduleJob<RetentionJob>(
                trigger => JobSchedule.Apply(trigger.WithIdentity("retention", RetentionJob.Key.Group).WithDescription(JobSchedule.Describe(options.Schedule)), options.Schedule, zone),
                job => job.WithIdentity(RetentionJob.Key).WithDescription("清理过期的 AI 调用记录、已结束的任务和指标快照")));
        }
        return builder;
    }
}
