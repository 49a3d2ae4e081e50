namespace CET4Trainer.Core.Ai.Recording;

public enum AiOutcome
{
    Success = 0,
    InvalidOutput = 1,
    TransientFailure = 2,
    PermanentFailure = 3,
    CircuitOpen = 4,
    Timeout = 5,
    Cancelled = 6,
    Refused = 7,
}

// One call to an engine for one typed operation, after the pipeline's retries: what it cost and how it ended.
public sealed class AiCall
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Operation { get; set; }
    public int PromptVersion { get; set; }

    // A provider's Name, or AiEngines.Offline.
    public required string Engine { get; set; }
    public string? Model { get; set; }
    public AiOutcome Outcome { get; set; }
    public int LatencyMs { get; set; }
    public int InputTokens { get; set; }
    public int OutputTokens { get; set; }
    public decimal Cost { get; set; }
    public int Retries { get; set; }
    public bool Streamed { get; set; }
    public bool FromCache { get; set; }

    // Whom and what the call was for (never sent to the provider); budgets are summed from these.
    public string? UserId { get; set; }
    public Guid? TaskId { get; set; }

    // A short reason a person can read; never a key, a prompt or a response body.
    public string? Error { get; set; }
}
