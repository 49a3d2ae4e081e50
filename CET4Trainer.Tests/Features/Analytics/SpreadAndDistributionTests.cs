using CET4Trainer.Core.Features.Analytics;

namespace CET4Trainer.Tests.Features.Analytics;

public sealed class SpreadAndDistributionTests
{
    [Fact]
    public void NoValues_HaveNoSpread() => Assert.Null(Spread.Of([]));

    [Fact]
    public void OneValue_IsEveryFigureOfItsSpread()
    {
        var s = Spread.Of([420.5])!;

        Assert.Equal(new Spread(1, 420.5, 420.5, 420.5, 420.5, 420.5, 420.5), s);
    }

    [Fact]
    public void FourValues_InterpolateQuartilesAsSpreadsheetsDo()
    {
        // h = 3p: Q1 at 0.75 -> 1 + 0.75, median at 1.5 -> 2.5, Q3 at 2.25 -> 3.25 (QUARTILE.INC gives the same).
        var s = Spread.Of([4, 1, 3, 2])!;

        Assert.Equal(4, s.Count);
        Assert.Equal(2.5, s.Mean, 9);
        Assert.Equal(2.5, s.Median, 9);
        Assert.Equal(1.75, s.Q1, 9);
        Assert.Equal(3.25, s.Q3, 9);
        Assert.Equal(1, s.Min);
        Assert.Equal(4, s.Max);
    }

    [Fact]
    public void FiveScores_QuartilesFallOnValues()
    {
        var s = Spread.Of([500, 300, 600, 350, 400])!;

        Assert.Equal((430.0, 400.0, 350.0, 500.0), (s.Mean, s.Median, s.Q1, s.Q3));
    }

    [Fact]
    public void Histogram_PutsEdgesInTheUpperBar_AndTheTopScoreInTheLastBar()
    {
        var bins = Distribution.Histogram([0, 49.9, 50, 709, 710, -3, 800], 50, 710);

        Assert.Equal(15, bins.Count);
        Assert.Equal((0.0, 50.0, 3), (bins[0].From, bins[0].To, bins[0].Count));
        Assert.Equal(1, bins[1].Count);
        Assert.Equal((700.0, 710.0, 3), (bins[14].From, bins[14].To, bins[14].Count));
        Assert.Equal(7, bins.Sum(b => b.Count));
        Assert.Equal("700–710", bins[14].Label);
    }

    [Fact]
    public void Trim_KeepsTheBarsBetweenTheFirstAndLastValue()
    {
        var bins = Distribution.Trim(Distribution.Histogram([420, 430, 510], 50, 710));

        Assert.Equal([("400–450", 2), ("450–500", 0), ("500–550", 1)], bins.Select(b => (b.Label, b.Count)));
        Assert.Empty(Distribution.Trim(Distribution.Histogram([], 50, 710)));
    }

    [Fact]
    public void Histogram_RefusesANonPositiveWidth() => Assert.Throws<ArgumentOutOfRangeException>(() => Distribution.Histogram([1], 0, 710));
}
