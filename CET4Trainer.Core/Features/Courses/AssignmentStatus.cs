namespace CET4Trainer.Core.Features.Courses;

public enum AssignmentState
{
    NotStarted = 0,
    InProgress = 1,
    Done = 2,
    Late = 3,
    Missing = 4,
}

// One student's standing on one assignment. Work handed in after the due date still counts and is
// marked late; work not handed in by the due date is missing until it is handed in.
public static class AssignmentStatus
{
    // `completedUtc` is the student's first completed attempt (an on-time attempt is never made late by a
    // later retry); `startedUtc` their first attempt's start.
    public static AssignmentState Of(DateTime openUtc, DateTime dueUtc, DateTime? completedUtc, DateTime? startedUtc, DateTime nowUtc)
    {
        if (completedUtc is { } completed) return completed <= dueUtc ? AssignmentState.Done : AssignmentState.Late;
        if (nowUtc > dueUtc) return AssignmentState.Missing;
        return startedUtc is null || nowUtc < openUtc ? AssignmentState.NotStarted : AssignmentState.InProgress;
    }

    public static string ChineseName(AssignmentState state) => state switch
    {
        AssignmentState.NotStarted => "未开始",
        AssignmentState.InProgress => "进行中",
        AssignmentState.Done => "已完成",
        AssignmentState.Late => "迟交",
        AssignmentState.Missing => "缺交",
        _ => state.ToString(),
    };
}
