namespace CET4Trainer.Core.Features.Explanations;

// One explanation is one text per item version, question, chosen answer, follow-up and prompt version:
// editing an item raises its version, so an explanation of the old content is never served for the new.
public readonly record struct ExplanationKey(int ItemId, int ItemVersion, int QuestionNumber, string Chosen, ExplanationFollowUp FollowUp, int PromptVersion)
{
    // Long enough for any option letter and any CET-4 word typed in spelling.
    public const int MaxChosenLength = 64;

    public static ExplanationKey Of(int itemId, int itemVersion, int questionNumber, string chosen, ExplanationFollowUp followUp, int promptVersion) =>
        new(itemId, itemVersion, questionNumber, chosen.Trim().ToUpperInvariant(), followUp, promptVersion);

    public bool IsCacheable => Chosen.Length is > 0 and <= MaxChosenLength;
}

public sealed record CachedExplanation(string Text, string Engine, string? Model);
