namespace CET4Trainer.Core.Features.Review;

public enum Rating
{
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

public enum CardState
{
    Learning = 1,
    Review = 2,
    Relearning = 3,
}

// A card's memory state. A new card is Learning at step 0 with no stability or difficulty yet.
public sealed record MemoryState(CardState State, int? Step, double? Stability, double? Difficulty, DateTime? LastReviewUtc, DateTime DueUtc)
{
    public static MemoryState New(DateTime nowUtc) => new(CardState.Learning, 0, null, null, null, nowUtc);
}

// FSRS-6 (Free Spaced Repetition Scheduler, open-spaced-repetition), written from its published
// formulas: 21 weights, a power forgetting curve whose decay is w20, same-day reviews through the
// short-term stability term, and learning/relearning steps for new and lapsed cards.
public sealed class Fsrs
{
    public static readonly IReadOnlyList<double> DefaultWeights =
    [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ];

    private const double MinStability = 0.001;
    private readonly double[] w;
    private readonly double decay;
    private readonly double factor;

    public Fsrs(double desiredRetention = 0.9, IReadOnlyList<double>? weights = null, int maximumIntervalDays = 36500,
        TimeSpan[]? learningSteps = null, TimeSpan[]? relearningSteps = null)
    {
        if (desiredRetention is <= 0.5 or >= 1) throw new ArgumentOutOfRangeException(nameof(desiredRetention), "Desired retention must be between 0.5 and 1.");
        w = [.. weights ?? DefaultWeights];
        if (w.Length != 21) throw new ArgumentException("FSRS-6 has 21 weights.", nameof(weights));
        DesiredRetention = desiredRetention;
        MaximumIntervalDays = maximumIntervalDays;
        LearningSteps = learningSteps ?? [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)];
        RelearningSteps = relearningSteps ?? [TimeSpan.FromMinutes(10)];
        decay = -w[20];
        factor = Math.Pow(0.9, 1 / decay) - 1;
    }

    public double DesiredRetention { get; }
    public int MaximumIntervalDays { get; }
    public TimeSpan[] LearningSteps { get; }
    public TimeSpan[] RelearningSteps { get; }

    // Probability of recall now; whole days since the last review, as the scheduler counts them.
    public double Retrievability(MemoryState card, DateTime nowUtc)
    {
        if (card.LastReviewUtc is not { } last || card.Stability is not { } s) return 0;
        var days = Math.Max(0, (int)Math.Floor((nowUtc - last).TotalDays));
        return Math.Pow(1 + factor * days / s, decay);
    }

    public MemoryState Review(MemoryState card, Rating rating, DateTime nowUtc)
    {
        var g = (int)rating;
        int? sinceLast = card.LastReviewUtc is { } last ? (int)Math.Floor((nowUtc - last).TotalDays) : null;
        double s, d;
        if (card.Stability is null || card.Difficulty is null)
        {
            s = Math.Max(w[g - 1], MinStability);
            d = ClampDifficulty(InitialDifficulty(g));
        }
        else if (sinceLast is < 1)
        {
            s = ShortTermStability(card.Stability.Value, g);
            d = NextDifficulty(card.Difficulty.Value, g);
        }
        else
        {
            var r = Retrievability(card, nowUtc);
            s = rating == Rating.Again
                ? ForgetStability(card.Difficulty.Value, card.Stability.Value, r)
                : RecallStability(card.Difficulty.Value, card.Stability.Value, r, g);
            s = Math.Max(s, MinStability);
            d = NextDifficulty(card.Difficulty.Value, g);
        }

        var (state, step, wait) = card.State switch
        {
            CardState.Review when rating == Rating.Again && RelearningSteps.Length > 0 => (CardState.Relearning, (int?)0, RelearningSteps[0]),
            CardState.Review => (CardState.Review, null, Days(s)),
            CardState.Learning => Steps(card.Step ?? 0, rating, LearningSteps, CardState.Learning, s),
            _ => Steps(card.Step ?? 0, rating, RelearningSteps, CardState.Relearning, s),
        };
        return new MemoryState(state, step, s, d, nowUtc, nowUtc + wait);
    }

    // Learning and relearning: short steps in minutes until the last step is passed with Good.
    private (CardState, int?, TimeSpan) Steps(int step, Rating rating, TimeSpan[] steps, CardState inSteps, double s)
    {
        if (steps.Length == 0 || (step >= steps.Length && rating != Rating.Again)) return (CardState.Review, null, Days(s));
        return rating switch
        {
            Rating.Again => (inSteps, 0, steps[0]),
            Rating.Hard when step == 0 && steps.Length == 1 => (inSteps, step, steps[0] * 1.5),
            Rating.Hard when step == 0 => (inSteps, step, (steps[0] + steps[1]) / 2),
            Rating.Hard => (inSteps, step, steps[step]),
            Rating.Good when step + 1 < steps.Length => (inSteps, step + 1, steps[step + 1]),
            _ => (CardState.Review, null, Days(s)),
        };
    }

    // Whole days until recall probability falls to the desired retention, between 1 and the maximum.
    public int IntervalDays(double stability)
    {
        var days = stability / factor * (Math.Pow(DesiredRetention, 1 / decay) - 1);
        return (int)Math.Clamp(Math.Round(days, MidpointRounding.ToEven), 1, MaximumIntervalDays);
    }

    private TimeSpan Days(double stability) => TimeSpan.FromDays(IntervalDays(stability));

    private double InitialDifficulty(int g) => w[4] - Math.Exp(w[5] * (g - 1)) + 1;

    private static double ClampDifficulty(double d) => Math.Clamp(d, 1, 10);

    // Difficulty moves against the grade, less so near the top, and reverts a little towards D0(Easy).
    private double NextDifficulty(double d, int g)
    {
        var delta = -w[6] * (g - 3);
        var damped = d + (10 - d) * delta / 9;
        return ClampDifficulty(w[7] * InitialDifficulty(4) + (1 - w[7]) * damped);
    }

    private double ShortTermStability(double s, int g)
    {
        var increase = Math.Exp(w[17] * (g - 3 + w[18])) * Math.Pow(s, -w[19]);
        if (g >= 3) increase = Math.Max(increase, 1);
        return Math.Max(s * increase, MinStability);
    }

    private double RecallStability(double d, double s, double r, int g)
    {
        var hard = g == 2 ? w[15] : 1;
        var easy = g == 4 ? w[16] : 1;
        return s * (1 + Math.Exp(w[8]) * (11 - d) * Math.Pow(s, -w[9]) * (Math.Exp((1 - r) * w[10]) - 1) * hard * easy);
    }

    private double ForgetStability(double d, double s, double r)
    {
        var longTerm = w[11] * Math.Pow(d, -w[12]) * (Math.Pow(s + 1, w[13]) - 1) * Math.Exp((1 - r) * w[14]);
        return Math.Min(longTerm, s / Math.Exp(w[17] * w[18]));
    }
}
