using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Scoring;

namespace CET4Trainer.Core.Features.StudyPlans;

// The JSON a plan is written as, by a model or by the offline planner.
public sealed class StudyPlanOutput
{
    public string? Summary { get; set; }
    public List<PlanWeek>? Weeks { get; set; }
}

public sealed class PlanWeek
{
    public int Week { get; set; }
    public string? Focus { get; set; }
    public List<PlanSession>? Sessions { get; set; }
}

public sealed class PlanSession
{
    // An exam item type's name (CarefulReading, Writing...), "Vocabulary" or "Mock".
    public string? Type { get; set; }
    public int Minutes { get; set; }
    public string? Activity { get; set; }
}

// What a session may practise: the paper's item types, vocabulary review, and a full mock paper.
public static class PlanActivities
{
    public const string Vocabulary = "Vocabulary";
    public const string Mock = "Mock";
    public const int MockMinutes = 125;

    public static readonly IReadOnlyList<string> All = [.. ExamScale.PaperTypes.Select(t => t.ToString()), Vocabulary, Mock];

    public static bool IsKnown(string? type) => type is not null && All.Contains(type);

    public static ItemType? ItemTypeOf(string? type) =>
        Enum.TryParse<ItemType>(type, out var parsed) && ExamScale.PaperTypes.Contains(parsed) ? parsed : null;

    public static string ChineseName(string? type) => type switch
    {
        Vocabulary => "词汇",
        Mock => "全真模考",
        _ => ItemTypeOf(type) is { } t ? ItemTypes.ChineseName(t) : type ?? "",
    };
}
