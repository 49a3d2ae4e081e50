using System.ComponentModel.DataAnnotations;

namespace CET4Trainer.Core.Operations.Database;

// Only the database page's settings; the other monitoring settings bind the same section separately.
public sealed class SlowQueryOptions
{
    public const string Section = "Monitoring";

    [Range(0, 600_000, ErrorMessage = "Monitoring:SlowQueryMilliseconds must be between 0 and 600000.")]
    public int SlowQueryMilliseconds { get; set; } = 200;

    [Range(1, 10_000, ErrorMessage = "Monitoring:SlowQueryKeep must be between 1 and 10000.")]
    public int SlowQueryKeep { get; set; } = 100;
}
