using CET4Trainer.Core.Features.Grading;

namespace CET4Trainer.Tests.Features.Grading;

public sealed class GradingAgreementTests
{
    private static List<(int, int)> Table(int[,] counts)
    {
        var pairs = new List<(int, int)>();
        for (var i = 0; i < counts.GetLength(0); i++)
            for (var j = 0; j < counts.GetLength(1); j++)
                pairs.AddRange(Enumerable.Repeat((i, j), counts[i, j]));
        return pairs;
    }

    [Fact]
    public void TextbookTwoByTwo_GivesKappaPointFour()
    {
        // The standard worked example of Cohen's kappa: 50 cases, both yes 20, A yes/B no 5, A no/B yes 10,
        // both no 15; p_o = 0.70, p_e = 0.5*0.6 + 0.5*0.4 = 0.50, kappa = 0.4. With two categories the
        // quadratic weights are 0 and 1, so the weighted kappa equals Cohen's.
        var figures = GradingAgreement.Compute(Table(new[,] { { 20, 5 }, { 10, 15 } }), 2);

        Assert.Equal(50, figures.Count);
        Assert.Equal(0.70, figures.ExactShare, 10);
        Assert.Equal(0.4, figures.QuadraticKappa!.Value, 10);
    }

    [Fact]
    public void ThreeCategories_MatchTheHandComputedValue()
    {
        // Rows: first rater 0,1,2; columns: second rater. N = 10.
        //   | 3 1 0 |   row sums 4 3 3, column sums 3 4 3
        //   | 0 2 1 |   weights (i-j)^2/4: 0 on the diagonal, 1/4 one apart, 1 two apart
        //   | 0 1 2 |
        // Observed weighted disagreement: (1 + 1 + 1) * 1/4 = 0.75.
        // Expected counts r_i*c_j/10; weighted: 1/4*(1.6 + 0.9 + 0.9 + 1.2) + 1*(1.2 + 0.9) = 1.15 + 2.1 = 3.25.
        // Kappa = 1 - 0.75/3.25 = 10/13.
        var figures = GradingAgreement.Compute(Table(new[,] { { 3, 1, 0 }, { 0, 2, 1 }, { 0, 1, 2 } }), 3);

        Assert.Equal(10.0 / 13.0, figures.QuadraticKappa!.Value, 10);
        Assert.Equal(0.7, figures.ExactShare, 10);
        Assert.Equal(1.0, figures.AdjacentShare, 10);
    }

    [Fact]
    public void AdjacentShare_CountsWithinOneBand_AndTwoApartIsNotAdjacent()
    {
        var figures = GradingAgreement.Compute([(2, 2), (2, 3), (2, 4), (5, 3)], 6);

        Assert.Equal(0.25, figures.ExactShare, 10);
        Assert.Equal(0.5, figures.AdjacentShare, 10);
    }

    [Fact]
    public void PerfectAgreementAcrossBands_IsOne_AndSystematicReversalIsNegative()
    {
        Assert.Equal(1.0, GradingAgreement.Compute([(0, 0), (2, 2), (5, 5), (3, 3)], 6).QuadraticKappa!.Value, 10);
        Assert.True(GradingAgreement.Compute([(0, 5), (5, 0), (1, 4), (4, 1)], 6).QuadraticKappa < 0);
    }

    [Fact]
    public void NoRatings_OrEverythingInOneBand_LeavesKappaUndefined()
    {
        var none = GradingAgreement.Compute([], 6);
        var oneBand = GradingAgreement.Compute([(4, 4), (4, 4), (4, 4)], 6);

        Assert.Equal(0, none.Count);
        Assert.Null(none.QuadraticKappa);
        Assert.Null(oneBand.QuadraticKappa);
        Assert.Equal(1.0, oneBand.ExactShare);
    }

    [Fact]
    public void RatingOutsideTheCategories_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GradingAgreement.Compute([(0, 6)], 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => GradingAgreement.Compute([(-1, 0)], 6));
    }
}
