using System.Globalization;
using Microsoft.Extensions.Configuration;
using Quartz;

namespace CET4Trainer.Core.Operations.Jobs;

// A schedule setting is either a Quartz cron expression ("0 0 2 * * ?", local time of Locale:TimeZone)
// or an interval written as a TimeSpan ("06:00:00", "1.00:00:00").
public static class JobSchedule
{
    public static bool IsValid(string? text) => Interval(text) is not null || (text is not null && CronExpression.TryParse(text, out _));

    public static TimeSpan? Interval(string? text) =>
        TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var interval) && interval >= TimeSpan.FromMinutes(1) && !text!.Contains(' ')
            ? interval
            : null;

    public static void Apply<TJob>(ITriggerConfigurator<TJob> trigger, string text, TimeZoneInfo zone) where TJob : IJob
    {
        if (Interval(text) is { } interval)
        {
            trigger.StartAt(DateTimeOffset.UtcNow + interval).WithSchedule(SimpleScheduleBuilder.Create().WithInterval(interval).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount));
        }
        else
        {
            // A missed nightly run (the app was down) runs once when the app is back.
            trigger.StartNow().WithSchedule(CronScheduleBuilder.Create(text).InTimeZone(zone)
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed));
        }
    }

    // Schedules are read in the time zone pages show times in.
    public static TimeZoneInfo Zone(IConfiguration configuration) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(configuration["Locale:TimeZone"] ?? "Asia/Shanghai", out var zone) ? zone : TimeZoneInfo.Utc;

    public static string Describe(string text) =>
        Interval(text) is { } interval ? $"每隔 {interval}" : $"cron {text}";
}
