using CET4Trainer.Core.Features.Items;

namespace CET4Trainer.Core.Features.StudyPlans;

public enum PlanAudience
{
    Student = 0,
    Class = 1,
}

// How a learner (or a class taken together) does on one item type: questions answered in the window,
// share right (or share of points for essays) and the points a minute of practice may recover.
public sealed record AreaStat(Section Section, ItemType Type, int Questions, double Accuracy, double PointsPerMinute);

public sealed record SectionScore(Section Section, double Estimate, double Max);

// Everything a plan is made from. Statistics only: no name, e-mail or id of anyone.
public sealed record StudyPlanInput(
    PlanAudience Audience, int Learners, int DaysLeft, int Weeks, int MinutesPerWeek,
    IReadOnlyList<AreaStat> Areas, IReadOnlyList<SectionScore> Sections, double EstimatedTotal, bool EstimateReliable);
