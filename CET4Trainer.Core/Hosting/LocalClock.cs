using Microsoft.Extensions.Options;

namespace CET4Trainer.Core.Hosting;

// "Now" and "today" as users see them; everything stored stays in UTC.
public sealed class LocalClock(TimeProvider time, IOptions<LocaleOptions> options)
{
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTimeOffset Now() => TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone);

    public DateOnly Today() => DateOnly.FromDateTime(Now().DateTime);

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    // Midnight of the local day, in UTC: where "today" starts for budgets and daily counts.
    public DateTime StartOfTodayUtc() => ToUtc(Today().ToDateTime(TimeOnly.MinValue));

    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
}
