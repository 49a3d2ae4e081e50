using CET4Trainer.Core.Features.Analytics;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Scoring;

namespace CET4Trainer.Tests.Features.Analytics;

// Answers written by hand for the arithmetic tests.
internal static class Facts
{
    private static long next;

    public static readonly DateTime Monday = new(2026, 11, 16, 9, 0, 0, DateTimeKind.Utc);

    public static AnswerFact Right(string student, ItemType type, int question = 1, DateTime? at = null) => Objective(student, type, true, question, at);

    public static AnswerFact Wrong(string student, ItemType type, int question = 1, DateTime? at = null) => Objective(student, type, false, question, at);

    public static AnswerFact Objective(string student, ItemType type, bool correct, int question = 1, DateTime? at = null)
    {
        var max = ExamScale.RawPointsPerQuestion(type);
        return new AnswerFact(Interlocked.Increment(ref next), student, question / 100 + 1, question, question % 100, type, correct, correct ? max : 0, max, at ?? Monday);
    }

    public static AnswerFact Essay(string student, ItemType type, double score, DateTime? at = null) =>
        new(Interlocked.Increment(ref next), student, 900, 9000, 1, type, null, score, ExamScale.HolisticMax, at ?? Monday);

    public static IEnumerable<AnswerFact> Many(string student, ItemType type, int right, int wrong, DateTime? at = null) =>
        Enumerable.Range(0, right).Select(_ => Right(student, type, at: at)).Concat(Enumerable.Range(0, wrong).Select(_ => Wrong(student, type, at: at)));
}
