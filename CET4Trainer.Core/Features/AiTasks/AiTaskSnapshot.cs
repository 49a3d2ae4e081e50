namespace CET4Trainer.Core.Features.AiTasks;

// A task as pages show it; published on every change and read from the row on page load.
public sealed record AiTaskSnapshot(
    Guid Id, AiTaskKind Kind, string OwnerId, int? CourseId, string Title, AiTaskStatus Status,
    int Done, int Total, string? Step, int Attempts, int Retries, int InputTokens, int OutputTokens, decimal Cost,
    string? Engine, string? Error, bool CancelRequested, DateTime CreatedUtc, DateTime? FinishedUtc, DateTime UpdatedUtc)
{
    public bool IsFinal => Status is AiTaskStatus.Succeeded or AiTaskStatus.Failed or AiTaskStatus.Cancelled;

    public static AiTaskSnapshot Of(AiTask t) => new(t.Id, t.Kind, t.OwnerId, t.CourseId, t.Title, t.Status, t.Done, t.Total, t.CurrentStep,
        t.Attempts, t.Retries, t.InputTokens, t.OutputTokens, t.Cost, t.Engine, t.Error, t.CancelRequested, t.CreatedUtc, t.FinishedUtc, t.UpdatedUtc);
}
