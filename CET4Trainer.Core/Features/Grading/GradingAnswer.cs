using System.Text.Json.Serialization;

namespace CET4Trainer.Core.Features.Grading;

// The JSON a grader returns. Everything is nullable so that a missing field is seen by Validate
// instead of silently becoming 0 or false.
public sealed class GradingAnswer
{
    [JsonPropertyName("score")]
    public int? Score { get; init; }

    [JsonPropertyName("evidence")]
    public List<AnswerEvidence>? Evidence { get; init; }

    [JsonPropertyName("strengths")]
    public List<string>? Strengths { get; init; }

    [JsonPropertyName("errors")]
    public List<AnswerError>? Errors { get; init; }

    [JsonPropertyName("toNextBand")]
    public List<string>? ToNextBand { get; init; }

    [JsonPropertyName("onTopic")]
    public bool? OnTopic { get; init; }

    [JsonPropertyName("confidence")]
    public double? Confidence { get; init; }

    [JsonPropertyName("summary")]
    public string? Summary { get; init; }
}

public sealed record AnswerEvidence(
    [property: JsonPropertyName("quote")] string? Quote,
    [property: JsonPropertyName("shows")] string? Shows);

public sealed record AnswerError(
    [property: JsonPropertyName("quote")] string? Quote,
    [property: JsonPropertyName("correction")] string? Correction,
    [property: JsonPropertyName("reason")] string? Reason);
