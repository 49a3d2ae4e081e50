namespace CET4Trainer.Core.Ai;

public sealed record AiUsage(int InputTokens, int OutputTokens, decimal Cost)
{
    public static readonly AiUsage None = new(0, 0, 0m);

    public AiUsage Add(AiUsage other) => new(InputTokens + other.InputTokens, OutputTokens + other.OutputTokens, Cost + other.Cost);
}

// What a typed operation returned and which engine produced it. Engine is a provider's Name or AiEngines.Offline.
public sealed record AiResult<T>(T Value, string Engine, string? Model, int PromptVersion, AiUsage Usage, int Retries, IReadOnlyList<string> FailedProviders)
{
    public bool IsOffline => Engine == AiEngines.Offline;
}

// A request refused before any engine ran (rate limit, budget): the message is for the user, in Chinese.
public sealed class AiRefusedException(string message) : Exception(message);
