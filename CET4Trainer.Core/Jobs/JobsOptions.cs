using System.ComponentModel.DataAnnotations;

namespace CET4Trainer.Core.Jobs;

public sealed class JobsOptions
{
    public const string Section = "Jobs";

    // Background jobs that may run at once on this node.
    [Range(1, 64, ErrorMessage = "Jobs:MaxConcurrency must be between 1 and 64.")]
    public int MaxConcurrency { get; set; } = 4;
}
