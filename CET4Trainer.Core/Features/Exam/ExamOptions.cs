namespace CET4Trainer.Core.Features.Exam;

public sealed class ExamOptions
{
    public const string Section = "Exam";

    // Officially announced sitting dates; when none lies ahead, the next date is estimated.
    public List<DateOnly> Dates { get; set; } = [];
}
