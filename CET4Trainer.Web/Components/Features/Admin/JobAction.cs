namespace CET4Trainer.Web.Components.Features.Admin;

public enum JobActionKind
{
    Pause,
    Resume,
    TriggerNow,
}

// Pause and resume name a trigger; run-now names a job.
public sealed record JobAction(JobActionKind Kind, string Group, string Name);
