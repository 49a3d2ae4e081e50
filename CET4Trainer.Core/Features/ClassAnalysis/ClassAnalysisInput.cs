using CET4Trainer.Core.Features.Items;

namespace CET4Trainer.Core.Features.ClassAnalysis;

// What an analysis of a class is made from. Students appear only as "学生 1", "学生 2"...; the
// mapping back to real people stays in ClassSnapshot and never enters a prompt.
public sealed record ClassAnalysisInput(
    int Students, int WindowDays, int RecentDays, int AssignmentsDue, IReadOnlyList<TypeTrend> Types, IReadOnlyList<StudentSnapshot> StudentDetails);

// The class's results on one item type, over the whole window and split into the recent days and before.
public sealed record TypeTrend(Section Section, ItemType Type, int Questions, double Accuracy, double PointsPerMinute,
    int RecentQuestions, double? RecentAccuracy, int EarlierQuestions, double? EarlierAccuracy);

public sealed record TypeAccuracy(ItemType Type, int Questions, double Accuracy);

public sealed record StudentSnapshot(
    string Label, int Questions, double? Accuracy, int RecentQuestions, double? RecentAccuracy, int EarlierQuestions, double? EarlierAccuracy,
    int? DaysSinceLastPractice, int AssignmentsDue, int AssignmentsCompleted, IReadOnlyList<TypeAccuracy> WeakTypes,
    IReadOnlyList<WrongAnswerSample> WrongAnswers, IReadOnlyList<string> EssayExcerpts)
{
    public int AssignmentsMissed => Math.Max(0, AssignmentsDue - AssignmentsCompleted);
}

// A question a student got wrong: the question's text, what they answered and what was right.
public sealed record WrongAnswerSample(ItemType Type, string Question, string Given, string Correct);

// The input plus the way back from labels to student ids, which stays in code and storage.
public sealed record ClassSnapshot(ClassAnalysisInput Input, IReadOnlyDictionary<string, string> StudentIds);
