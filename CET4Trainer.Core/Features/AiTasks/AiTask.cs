namespace CET4Trainer.Core.Features.AiTasks;

public enum AiTaskKind
{
    GenerateQuestions = 1,
    GradeBatch = 2,
    ClassStudyPlan = 3,
    ClassAnalysis = 4,
}

public enum AiTaskStatus
{
    Queued = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
    Cancelled = 4,
}

// Long AI work that survives a restart: the row is the truth, the scheduler's trigger only wakes it up.
public sealed class AiTask
{
    public Guid Id { get; set; }
    public AiTaskKind Kind { get; set; }
    public required string OwnerId { get; set; }
    public int? CourseId { get; set; }
    public required string Title { get; set; }
    public AiTaskStatus Status { get; set; }

    // Units of work (items to generate, answers to grade) finished so far and in all.
    public int Done { get; set; }
    public int Total { get; set; }
    public string? CurrentStep { get; set; }

    // Whole-task attempts so far, and provider retries inside them.
    public int Attempts { get; set; }
    public int Retries { get; set; }
    public int InputTokens { get; set; }
    public int OutputTokens { get; set; }
    public decimal Cost { get; set; }

    // The engine(s) that produced the results, e.g. "deepseek" or "deepseek, 离线引擎".
    public string? Engine { get; set; }

    public string InputJson { get; set; } = "{}";
    public string? ResultJson { get; set; }
    public string? Error { get; set; }
    public bool CancelRequested { get; set; }

    // Fencing: only the holder of the current lease may write progress; a killed node's lease expires.
    public Guid? LeaseToken { get; set; }
    public DateTime? LeaseUntilUtc { get; set; }
    public DateTime? NextRunUtc { get; set; }

    public DateTime CreatedUtc { get; set; }
    public DateTime? StartedUtc { get; set; }
    public DateTime? FinishedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }

    public bool IsFinal => Status is AiTaskStatus.Succeeded or AiTaskStatus.Failed or AiTaskStatus.Cancelled;
}
