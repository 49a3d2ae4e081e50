using CET4Trainer.Core.Operations.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace CET4Trainer.Core.Operations.Backup;

public static class BackupRegistration
{
    public static IHostApplicationBuilder AddCet4Backup(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<BackupOptions>().BindConfiguration(BackupOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => JobSchedule.IsValid(o.Schedule), "Backup:Schedule must be a Quartz cron expression (\"0 0 2 * * ?\") or an interval of at least a minute (\"06:00:00\").");
        builder.Services.AddSingleton<PgDump>();
        builder.Services.AddSingleton<BackupService>();

        var options = builder.Configuration.GetSection(BackupOptions.Section).Get<BackupOptions>() ?? new BackupOptions();
        if (JobSchedule.IsValid(options.Schedule))
        {
            var zone = JobSchedule.Zone(builder.Configuration);
            builder.Services.AddQuartz(q => q.ScheduleJob<BackupJob>(
                trigger => JobSchedule.Apply(trigger.WithIdentity("backup", BackupJob.Key.Group).WithDescription(JobSchedule.Describe(options.Schedule)), options.Schedule, zone),
                job => job.WithIdentity(BackupJob.Key).WithDescription("备份数据库并只保留最新的几份")));
        }
        return builder;
    }
}
