namespace CET4Trainer.Core.Telemetry.Metrics;

// Log-scale buckets: bucket i holds values in [G^i, G^(i+1)). A value read back as the bucket's
// geometric middle is off by at most sqrt(G) - 1 ≈ 2% of itself, whatever the unit or range.
internal static class LogBuckets
{
    public const double Growth = 1.04;

    // Zero and negative values (a clock step, an empty response) share one bucket read back as 0.
    public const int Zero = int.MinValue;

    private static readonly double LogGrowth = Math.Log(Growth);

    public static int Index(double value) =>
        value <= 0 || double.IsNaN(value) ? Zero : (int)Math.Floor(Math.Log(value) / LogGrowth);

    public static double Representative(int index) => index == Zero ? 0 : Math.Pow(Growth, index + 0.5);

    public static double MaxRelativeError => Math.Sqrt(Growth) - 1;

    // Nearest-rank quantile over merged bucket counts.
    public static double Quantile(SortedDictionary<int, long> buckets, long count, double q)
    {
        if (count == 0) return double.NaN;
        var rank = Math.Max(1, (long)Math.Ceiling(q * count));
        long seen = 0;
        foreach (var (index, n) in buckets)
        {
            seen += n;
            if (seen >= rank) return Representative(index);
        }
        return Representative(buckets.Keys.Last());
    }
}
