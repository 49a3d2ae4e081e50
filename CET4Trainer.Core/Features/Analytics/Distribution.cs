namespace CET4Trainer.Core.Features.Analytics;

// One bar of a histogram: values from From (inclusive) to To (exclusive, except the last bar).
public sealed record Bin(double From, double To, int Count)
{
    public string Label => $"{From:0}–{To:0}";
}

public static class Distribution
{
    // Bars of equal width from 0 to upper; the last bar is narrower when upper is not a multiple of width
    // (710 in bars of 50 ends with 700-710) and includes upper itself. Values outside are clamped.
    public static IReadOnlyList<Bin> Histogram(IEnumerable<double> values, double width, double upper)
    {
        if (width <= 0 || upper <= 0) throw new ArgumentOutOfRangeException(nameof(width));
        var bars = (int)Math.Ceiling(upper / width);
        var counts = new int[bars];
        foreach (var v in values)
        {
            var index = (int)Math.Floor(Math.Clamp(v, 0, upper) / width);
            counts[Math.Min(index, bars - 1)]++;
        }
        return Enumerable.Range(0, bars).Select(i => new Bin(i * width, Math.Min((i + 1) * width, upper), counts[i])).ToList();
    }

    // The bars from the first to the last that holds a value, so a chart is not mostly empty space.
    public static IReadOnlyList<Bin> Trim(IReadOnlyList<Bin> bins)
    {
        var first = bins.ToList().FindIndex(b => b.Count > 0);
        if (first < 0) return [];
        var last = bins.ToList().FindLastIndex(b => b.Count > 0);
        return bins.Skip(first).Take(last - first + 1).ToList();
    }
}
