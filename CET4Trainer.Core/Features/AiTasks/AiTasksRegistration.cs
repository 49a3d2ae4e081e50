using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace CET4Trainer.Core.Features.AiTasks;

public static class AiTasksRegistration
{
    public static IHostApplicationBuilder AddCet4AiTasks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AiTaskHub>();
        builder.Services.AddSingleton<AiTaskScheduler>();
        builder.Services.AddSingleton<AiTaskRunner>();
        builder.Services.AddSingleton<AiTaskService>();
        var reconcileSeconds = builder.Configuration.GetValue("Ai:Tasks:ReconcileSeconds", 60);
        builder.Services.AddQuartz(q =>
        {
            // Durable and recoverable: a trigger that was firing when the process died fires again after the restart.
            q.AddJob<AiTaskJob>(job => job.WithIdentity(AiTaskJob.Key).StoreDurably().RequestRecovery());
            q.ScheduleJob<AiTaskReconcileJob>(
                trigger => trigger.WithIdentity("ai-task-reconcile", AiTaskReconcileJob.Key.Group).StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(Math.Clamp(reconcileSeconds, 1, 3600))).RepeatForever()
                        .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
                job => job.WithIdentity(AiTaskReconcileJob.Key));
        });
        return builder;
    }
}
