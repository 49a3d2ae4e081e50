namespace CET4Trainer.Core.Features.Explanations;

// A finished explanation from a provider, kept so the same question never costs a second call.
public sealed class ExplanationCacheEntry
{
    public long Id { get; set; }
    public int ItemId { get; set; }
    public int ItemVersion { get; set; }
    public int QuestionNumber { get; set; }

    // The chosen answer as in ExplanationKey: trimmed and upper-cased.
    public required string Chosen { get; set; }
    public ExplanationFollowUp FollowUp { get; set; }
    public int PromptVersion { get; set; }
    public required string Text { get; set; }
    public required string Engine { get; set; }
    public string? Model { get; set; }
    public DateTime CreatedUtc { get; set; }
}
