using System.ComponentModel.DataAnnotations;

namespace CET4Trainer.Core.Operations.Retention;

public sealed class RetentionOptions
{
    public const string Section = "Retention";

    [Range(1, 3650, ErrorMessage = "Retention:AiCallDays must be between 1 and 3650.")]
    public int AiCallDays { get; set; } = 90;

    [Range(1, 3650, ErrorMessage = "Retention:FinishedTaskDays must be between 1 and 3650.")]
    public int FinishedTaskDays { get; set; } = 30;

    [Range(1, 3650, ErrorMessage = "Retention:MetricSnapshotDays must be between 1 and 3650.")]
    public int MetricSnapshotDays { get; set; } = 14;

    // Cron (local time) or interval; see JobSchedule.
    public string Schedule { get; set; } = "0 30 3 * * ?";

    [Range(100, 100_000, ErrorMessage = "Retention:BatchSize must be between 100 and 100000.")]
    public int BatchSize { get; set; } = 5000;
}
