namespace CET4Trainer.Core.Features.Analytics;

public enum ItemFlag
{
    None = 0,

    // Fewer answers than a discrimination index needs.
    TooFew = 1,

    // Weaker students did as well as stronger ones (0 <= D < 0.2).
    Low = 2,

    // Weaker students did better than stronger ones: a wrong key, an ambiguous option, or a trick question.
    Negative = 3,
}

// Classical item analysis for one question (decision 0021): facility is the share right; discrimination
// is the upper-lower index, the share right among the 27% strongest answerers minus the 27% weakest.
public static class ItemDiscrimination
{
    public const int MinAnswered = 5;
    public const double GroupShare = 0.27;
    public const double LowBelow = 0.2;

    public sealed record Response(double Ability, bool Correct);

    public static double? Facility(int correct, int answered) => answered <= 0 ? null : correct / (double)answered;

    // Ranked by ability; ties keep the order given, so callers pass a stable order (by student id).
    public static double? UpperLower(IReadOnlyList<Response> responses)
    {
        if (responses.Count < MinAnswered) return null;
        var ranked = responses.Select((r, i) => (r, i)).OrderBy(x => x.r.Ability).ThenBy(x => x.i).Select(x => x.r).ToList();
        var group = GroupSize(ranked.Count);
        var lower = ranked.Take(group).Count(r => r.Correct) / (double)group;
        var upper = ranked.Skip(ranked.Count - group).Count(r => r.Correct) / (double)group;
        return upper - lower;
    }

    public static int GroupSize(int answered) => Math.Max(1, (int)Math.Ceiling(answered * GroupShare));

    public static ItemFlag Flag(double? discrimination) => discrimination switch
    {
        null => ItemFlag.TooFew,
        < 0 => ItemFlag.Negative,
        < LowBelow => ItemFlag.Low,
        _ => ItemFlag.None,
    };
}
