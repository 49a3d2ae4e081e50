using CET4Trainer.Core.Data.Seeding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace CET4Trainer.Core.Operations.Alerts;

public static class AlertsRegistration
{
    public static IHostApplicationBuilder AddCet4Alerts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<AlertOptions>().BindConfiguration(AlertOptions.Section).ValidateDataAnnotations();
        builder.Services.AddSingleton<IValidateOptions<AlertOptions>, AlertOptionsValidator>();
        var options = builder.Configuration.GetSection(AlertOptions.Section).Get<AlertOptions>() ?? new AlertOptions();

        // Built-in signals first; the metric aggregation comes last, so its readings win where both answer.
        builder.Services.AddSingleton<ProcessSignals>();
        builder.Services.AddSingleton<IAlertSignalSource>(sp => sp.GetRequiredService<ProcessSignals>());
        builder.Services.AddSingleton<IAlertSignalSource, DiskSignals>();
        builder.Services.AddSingleton<IAlertSignalSource, AiSignals>();
        builder.Services.AddSingleton<JobFailureSignals>();
        builder.Services.AddSingleton<IAlertSignalSource>(sp => sp.GetRequiredService<JobFailureSignals>());
        builder.Services.AddSingleton<IAlertSignalSource, MetricsAlertSignals>();
        builder.Services.AddSingleton<IAlertSignals, AlertSignals>();

        builder.Services.AddSingleton<AlertHub>();
        builder.Services.AddSingleton<AlertService>();
        builder.Services.AddSingleton<AlertEvaluator>();
        builder.Services.AddSingleton<AlertWebhookQueue>();
        // The address may carry a token: the client does not log requests (the sender logs the event id instead).
        builder.Services.AddHttpClient(AlertWebhookSender.ClientName).RemoveAllLoggers();
        builder.Services.AddHostedService<AlertWebhookSender>();
        builder.Services.AddScoped<ISeeder, AlertRuleSeeder>();

        var every = TimeSpan.FromSeconds(Math.Clamp(options.EvaluateEverySeconds, 5, 300));
        var firstAfter = TimeSpan.FromSeconds(Math.Clamp(options.FirstEvaluationDelaySeconds, 0, 3600));
        builder.Services.AddQuartz(q =>
        {
            q.AddJobListener(sp => sp.GetRequiredService<JobFailureSignals>());
            q.ScheduleJob<AlertEvaluationJob>(
                trigger => trigger.WithIdentity("alert-evaluation-every-interval", "operations")
                    .StartAt(DateTimeOffset.UtcNow.Add(firstAfter))
                    .WithSimpleSchedule(s => s.WithInterval(every).RepeatForever()),
                job => job.WithIdentity(AlertEvaluationJob.Key));
        });
        return builder;
    }
}
