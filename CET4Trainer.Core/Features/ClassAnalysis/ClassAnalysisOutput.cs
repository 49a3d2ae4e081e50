namespace CET4Trainer.Core.Features.ClassAnalysis;

// The JSON an analysis is written as, by a model or by the offline analyst.
public sealed class ClassAnalysisOutput
{
    public string? Summary { get; set; }
    public List<ClassProblem>? CommonProblems { get; set; }
    public List<AttentionNote>? Students { get; set; }
}

public sealed class ClassProblem
{
    public string? Title { get; set; }
    public string? Detail { get; set; }
    public string? Suggestion { get; set; }
}

// A student who needs the teacher's attention, by label ("学生 3"), and why.
public sealed class AttentionNote
{
    public string? Student { get; set; }
    public List<string>? Reasons { get; set; }
}
