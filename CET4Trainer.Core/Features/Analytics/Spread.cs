namespace CET4Trainer.Core.Features.Analytics;

// Five-number summary plus the mean of a set of figures (scores of a class, for example).
public sealed record Spread(int Count, double Mean, double Median, double Q1, double Q3, double Min, double Max)
{
    // Null for no values: an empty class has no spread, not a spread of zeros.
    public static Spread? Of(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0) return null;
        return new Spread(sorted.Length, sorted.Average(), Quantile(sorted, 0.5), Quantile(sorted, 0.25), Quantile(sorted, 0.75), sorted[0], sorted[^1]);
    }

    // Linear interpolation between order statistics (h = (n - 1)p), the rule spreadsheet QUARTILE.INC uses,
    // so a teacher checking a figure in Excel gets the same number.
    public static double Quantile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) throw new ArgumentException("No values.", nameof(sorted));
        var h = (sorted.Count - 1) * p;
        var below = (int)Math.Floor(h);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }
}
