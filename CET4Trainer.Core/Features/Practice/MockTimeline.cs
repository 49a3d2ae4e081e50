namespace CET4Trainer.Core.Features.Practice;

public sealed record MockPartClock(int Part, DateTime StartUtc, DateTime DeadlineUtc, bool Locked);

public sealed record MockNow(int CurrentPart, TimeSpan Remaining, IReadOnlyList<MockPartClock> Parts, bool Finished);

// The mock paper's clock, as in the exam: writing 30, listening 25, reading 40, translation 30 minutes.
// A part locks when its time ends or when the student hands it in early; the next part starts then.
// Time runs on while the student is disconnected, so a reload shows the same remaining time.
public static class MockTimeline
{
    public static readonly TimeSpan[] PartLengths =
        [TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(25), TimeSpan.FromMinutes(40), TimeSpan.FromMinutes(30)];

    public static readonly string[] PartNames = ["Part I Writing 写作", "Part II Listening 听力", "Part III Reading 阅读", "Part IV Translation 翻译"];

    public static MockNow At(DateTime startedUtc, IReadOnlyList<DateTime?> earlyEnds, DateTime nowUtc)
    {
        var parts = new List<MockPartClock>();
        var start = startedUtc;
        var current = -1;
        for (var i = 0; i < PartLengths.Length; i++)
        {
            var deadline = start + PartLengths[i];
            var end = i < earlyEnds.Count && earlyEnds[i] is { } early && early < deadline ? early : deadline;
            var locked = nowUtc >= end;
            parts.Add(new MockPartClock(i, start, end, locked));
            if (!locked && current < 0) current = i;
            start = end;
        }
        if (current < 0) return new MockNow(PartLengths.Length, TimeSpan.Zero, parts, true);
        var remaining = parts[current].DeadlineUtc - (nowUtc < parts[current].StartUtc ? parts[current].StartUtc : nowUtc);
        return new MockNow(current, remaining, parts, false);
    }

    public static List<DateTime?> ParseEarlyEnds(string stored) =>
        stored.Split('|', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => long.TryParse(t, out var ticks) && ticks > 0 ? new DateTime(ticks, DateTimeKind.Utc) : (DateTime?)null).ToList();

    public static string FormatEarlyEnds(IEnumerable<DateTime?> ends) =>
        string.Join('|', ends.Select(e => e is { } t ? t.Ticks.ToString() : "0"));
}
