namespace CET4Trainer.Core.Features.StudyPlans;

// A teacher's request for a class plan: how many weeks to plan and how much time students have each week.
public sealed record ClassPlanRequest(int CourseId, int Weeks, int MinutesPerWeek)
{
    public const int MaxWeeks = 8;

    public string? Problem() => Weeks is < 1 or > MaxWeeks
        ? $"计划周数请填 1-{MaxWeeks} 周。"
        : StudyPlanService.CheckMinutes(MinutesPerWeek);
}

// The latest class plan task of a course as the course page shows it.
public sealed record ClassPlanView(Guid TaskId, bool Finished, StudyPlanOutput? Plan, string? Engine);
