using Microsoft.Extensions.Options;

namespace CET4Trainer.Core.Operations.Database;

public sealed record SlowQuery(DateTime AtUtc, double DurationMs, string Sql, bool Failed);

public sealed record QueryCounts(long Total, long Failed, int LastMinute, double PerMinuteLastHour, IReadOnlyList<int> PerMinute);

// What the interceptor saw since start-up: every command counted, the slow ones kept (the newest N).
// Only the SQL text is kept: EF sends values as parameters, and parameters are never read here.
public sealed class QueryLog(IOptionsMonitor<SlowQueryOptions> options, TimeProvider clock)
{
    public const int MaxSqlLength = 4000;
    private const int Minutes = 60;

    private readonly Lock gate = new();
    private readonly LinkedList<SlowQuery> slow = new();
    private readonly int[] perMinute = new int[Minutes];
    private readonly long[] minuteOf = new long[Minutes];
    private long total;
    private long failed;

    public int ThresholdMs => options.CurrentValue.SlowQueryMilliseconds;

    public void Record(string sql, TimeSpan duration, bool hasFailed)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var minute = now.Ticks / TimeSpan.TicksPerMinute;
        var settings = options.CurrentValue;
        lock (gate)
        {
            total++;
            if (hasFailed) failed++;
            var slot = (int)(minute % Minutes);
            if (minuteOf[slot] != minute)
            {
                minuteOf[slot] = minute;
                perMinute[slot] = 0;
            }
            perMinute[slot]++;
            if (duration.TotalMilliseconds < settings.SlowQueryMilliseconds) return;
            var text = sql.Length > MaxSqlLength ? sql[..MaxSqlLength] + " …" : sql;
            slow.AddFirst(new SlowQuery(now, duration.TotalMilliseconds, text, hasFailed));
            while (slow.Count > settings.SlowQueryKeep) slow.RemoveLast();
        }
    }

    public IReadOnlyList<SlowQuery> Slow()
    {
        lock (gate) return [.. slow];
    }

    public QueryCounts Counts()
    {
        var minute = clock.GetUtcNow().UtcDateTime.Ticks / TimeSpan.TicksPerMinute;
        lock (gate)
        {
            // Oldest first; the current minute is still filling, so the rate is taken over the finished ones.
            var series = new int[Minutes];
            for (var i = 0; i < Minutes; i++)
            {
                var m = minute - (Minutes - 1) + i;
                var slot = (int)(m % Minutes);
                series[i] = minuteOf[slot] == m ? perMinute[slot] : 0;
            }
            var finished = series[..^1];
            return new QueryCounts(total, failed, series[^2], finished.Average(), series);
        }
    }
}
