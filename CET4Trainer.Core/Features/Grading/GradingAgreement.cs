namespace CET4Trainer.Core.Features.Grading;

// How far AI and teacher agree on reviewed answers. Kappa is null when it is undefined (no answers, or
// both raters put everything in one band, so chance agreement is already perfect).
public sealed record AgreementFigures(int Count, double ExactShare, double AdjacentShare, double? QuadraticKappa);

public static class GradingAgreement
{
    // Ratings are category indices 0..categories-1 in order. Adjacent includes exact (within one category).
    // Quadratic weighted kappa: 1 - sum(w*O) / sum(w*E), w = (i-j)^2/(k-1)^2, E from the two raters' margins.
    public static AgreementFigures Compute(IReadOnlyList<(int First, int Second)> ratings, int categories)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(categories, 2);
        if (ratings.Count == 0) return new AgreementFigures(0, 0, 0, null);
        var observed = new double[categories, categories];
        var first = new double[categories];
        var second = new double[categories];
        foreach (var (a, b) in ratings)
        {
            if ((uint)a >= categories || (uint)b >= categories) throw new ArgumentOutOfRangeException(nameof(ratings), $"Rating ({a}, {b}) is outside 0..{categories - 1}.");
            observed[a, b]++;
            first[a]++;
            second[b]++;
        }
        double n = ratings.Count, disagreement = 0, chance = 0;
        for (var i = 0; i < categories; i++)
        {
            for (var j = 0; j < categories; j++)
            {
                var weight = (i - j) * (i - j) / (double)((categories - 1) * (categories - 1));
                disagreement += weight * observed[i, j];
                chance += weight * first[i] * second[j] / n;
            }
        }
        var exact = ratings.Count(r => r.First == r.Second) / n;
        var adjacent = ratings.Count(r => Math.Abs(r.First - r.Second) <= 1) / n;
        return new AgreementFigures(ratings.Count, exact, adjacent, chance == 0 ? null : 1 - disagreement / chance);
    }
}
