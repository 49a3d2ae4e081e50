namespace CET4Trainer.Core.Ai;

// Whom a call is made for: rate limits, budgets and the call record use it. It never goes into a prompt.
public sealed record AiCallContext(string? UserId, Guid? TaskId = null, bool CountsAgainstBudget = false)
{
    public static readonly AiCallContext System = new(UserId: null);
}
