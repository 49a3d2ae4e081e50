using CET4Trainer.Core.Data;
using CET4Trainer.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace CET4Trainer.Core.Jobs;

public static class JobsRegistration
{
    public const string ReadyTag = "ready";

    // Call after AddCet4Data: the scheduler starts after the database has been migrated.
    public static IHostApplicationBuilder AddCet4Jobs(this IHostApplicationBuilder builder)
    {
        var db = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var options = builder.Configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        builder.Services.AddOptionsWithValidateOnStart<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateDataAnnotations();

        builder.Services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = "CET4Trainer");
            q.UseDefaultThreadPool(pool => pool.MaxConcurrency = Math.Clamp(options.MaxConcurrency, 1, 64));
            q.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
                if (db.Provider == DatabaseOptions.Postgres)
                {
                    // Several app nodes can share one PostgreSQL store; each trigger fires on one node.
                    store.UsePostgres(db.ConnectionString);
                    store.UseClustering();
                }
                else
                {
                    var app = SqliteConnectionStrings.Normalize(db.ConnectionString, AppPaths.Of(builder));
                    store.UseSqlite(SqliteConnectionStrings.SchedulerFile(app));
                }
            });
            q.AddQuartzHealthChecks(check =>
            {
                check.Name = "scheduler";
                check.Tags.Add(ReadyTag);
            });
        });
        builder.Services.AddQuartzHostedService(q =>
        {
            q.WaitForJobsToComplete = true;
            q.AwaitApplicationStarted = false;
        });
        return builder;
    }
}
