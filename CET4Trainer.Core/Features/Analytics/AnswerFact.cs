using CET4Trainer.Core.Features.Items;

namespace CET4Trainer.Core.Features.Analytics;

// One graded final answer as the analytics read it. Essays not yet graded are left out by the query.
public sealed record AnswerFact(long Id, string StudentId, int ItemId, int QuestionId, int QuestionNumber, ItemType Type, bool? IsCorrect,
    double? Score, double MaxScore, DateTime AnsweredUtc)
{
    public bool Essay => ItemTypes.IsConstructedResponse(Type);
}

public sealed record StudentRef(string Id, string Name);

public sealed record ItemRef(int Id, string Title);
