namespace CET4Trainer.Core.Features.Analytics;

// Which answers count: every final answer the course's current students gave in the last Days days
// (practice of any kind, since it all shows what they can do), or only those given in the course's assignments.
public sealed record AnalyticsScope(int Days = AnalyticsScope.DefaultDays, bool AssignmentsOnly = false)
{
    public const int DefaultDays = 28;

    public static readonly int[] AllowedDays = [7, 28, 56, 112];

    // An unknown window (from a hand-edited URL, say) falls back to the default rather than failing.
    public AnalyticsScope Normalised() => AllowedDays.Contains(Days) ? this : this with { Days = DefaultDays };
}
