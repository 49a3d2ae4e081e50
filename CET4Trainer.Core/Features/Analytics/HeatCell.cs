namespace CET4Trainer.Core.Features.Analytics;

public enum HeatBand
{
    TooLittle = 0,
    Weak = 1,
    Shaky = 2,
    Fair = 3,
    Strong = 4,
}

// One cell of the weak-areas map: how much a student (or the class) answered of a kind and how well.
// Essays count their points; everything else counts questions right.
public sealed record HeatCell(int Answered, int Correct, double Points, double MaxPoints, bool Essay)
{
    // An essay is worth about three questions of evidence, as in the score estimate.
    public const int MinEvidence = 5;

    public static readonly HeatCell Empty = new(0, 0, 0, 0, false);

    public double? Accuracy => Answered == 0 ? null
        : Essay ? (MaxPoints <= 0 ? null : Points / MaxPoints)
        : Correct / (double)Answered;

    public int Evidence => Essay ? Answered * 3 : Answered;

    public HeatBand Band => Evidence < MinEvidence || Accuracy is not { } a ? HeatBand.TooLittle
        : a < 0.4 ? HeatBand.Weak
        : a < 0.6 ? HeatBand.Shaky
        : a < 0.8 ? HeatBand.Fair
        : HeatBand.Strong;

    public static HeatCell Of(IEnumerable<AnswerFact> answers, bool essay)
    {
        int answered = 0, correct = 0;
        double points = 0, max = 0;
        foreach (var a in answers)
        {
            answered++;
            if (a.IsCorrect == true) correct++;
            points += a.Score ?? 0;
            max += a.MaxScore;
        }
        return new HeatCell(answered, correct, points, max, essay);
    }
}
