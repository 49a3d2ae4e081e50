namespace CET4Trainer.Core.Features.AiTasks;

// What the task centre asks for: a kind, some statuses, words from the title, one page.
public sealed record AiTaskQuery(AiTaskKind? Kind = null, IReadOnlyList<AiTaskStatus>? Statuses = null, string? Search = null,
    int Skip = 0, int Take = 20, bool OwnOnly = false)
{
    public const int MaxTake = 100;
    public const int MaxSearch = 100;
}

// OwnerName is the display name (or e-mail) of who started the task; admins see everyone's tasks.
public sealed record AiTaskRow(AiTaskSnapshot Task, string OwnerName);

public sealed record AiTaskPage(IReadOnlyList<AiTaskRow> Rows, int Total);
