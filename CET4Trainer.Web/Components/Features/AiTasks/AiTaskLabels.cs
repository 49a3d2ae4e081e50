using CET4Trainer.Core.Features.AiTasks;

namespace CET4Trainer.Web.Components.Features.AiTasks;

// How tasks are named and where they lead, shared by the task centre, the task page and the teacher home.
public static class AiTaskLabels
{
    public static readonly AiTaskKind[] Kinds = [AiTaskKind.GenerateQuestions, AiTaskKind.GradeBatch, AiTaskKind.ClassAnalysis, AiTaskKind.ClassStudyPlan];

    public static string KindText(AiTaskKind kind) => kind switch
    {
        AiTaskKind.GenerateQuestions => "AI 出题",
        AiTaskKind.GradeBatch => "AI 批改",
        AiTaskKind.ClassAnalysis => "学情分析",
        AiTaskKind.ClassStudyPlan => "班级学习计划",
        _ => "AI 任务",
    };

    // Generation has its own page with the items it made; every other kind opens the task page.
    public static string OpenHref(AiTaskSnapshot task) => task.Kind == AiTaskKind.GenerateQuestions
        ? $"/teacher/items/ai-generate/{task.Id}"
        : $"/teacher/tasks/{task.Id}";

    // Where the outcome of a task is used: the course's analysis, its draft assignments, the review queue.
    public static (string Href, string Text)? ResultLink(AiTaskSnapshot task) => task switch
    {
        { Kind: AiTaskKind.GenerateQuestions } => ($"/teacher/items/ai-generate/{task.Id}", "查看生成的题目"),
        { Kind: AiTaskKind.ClassAnalysis, CourseId: { } course } => ($"/teacher/courses/{course}/analysis", "查看学情分析报告"),
        { Kind: AiTaskKind.ClassStudyPlan, CourseId: { } course } => ($"/teacher/courses/{course}", "查看课程里的计划和草稿作业"),
        { Kind: AiTaskKind.GradeBatch } => ("/teacher/grading", "去复核作文和翻译"),
        _ => null,
    };

    public static bool CanCancel(AiTaskSnapshot task) => !task.IsFinal && !task.CancelRequested;

    public static bool CanRetry(AiTaskSnapshot task) => task.Status is AiTaskStatus.Failed or AiTaskStatus.Cancelled;

    public static double Percent(AiTaskSnapshot task) => task.Total > 0 ? 100.0 * task.Done / task.Total : 0;
}
