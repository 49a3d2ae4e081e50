using System.Text.Json;
using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Ai.Engine;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Exam;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.StudyPlans;

public sealed record SavedPlan(int Id, DateTime CreatedUtc, DateOnly ExamDate, int Weeks, int MinutesPerWeek, StudyPlanOutput Plan,
    string Engine, string? Model, int PromptVersion)
{
    public bool IsOffline => Engine == AiEngines.Offline;
}

public sealed record StudyPlanOverview(ExamSitting Exam, int Weeks, LearnerStats Stats, SavedPlan? Latest);

public sealed record PlanResult(SavedPlan? Plan, string? Error);

// A student's own study plan: made on request through the gateway (the student's id is the call's
// context, never part of the prompt), saved, and shown again until the next one.
public sealed class StudyPlanService(
    IDbContextFactory<AppDbContext> contexts, LearnerStatistics statistics, ExamCalendar calendar, AiGateway gateway,
    GenerateStudyPlanOperation operation, TimeProvider clock)
{
    public const int MinMinutes = 30;
    public const int MaxMinutes = 1500;
    public const int MaxWeeks = 16;

    // Weeks left until the exam, at least one; a plan covers at most MaxWeeks of them.
    public static int WeeksUntil(int daysLeft) => Math.Clamp((int)Math.Ceiling(daysLeft / 7.0), 1, MaxWeeks);

    public static string? CheckMinutes(int minutesPerWeek) => minutesPerWeek is < MinMinutes or > MaxMinutes
        ? $"每周学习时间请填 {MinMinutes}-{MaxMinutes} 分钟。"
        : null;

    public async Task<StudyPlanOverview> OverviewAsync(string studentId, CancellationToken cancellationToken = default)
    {
        var exam = calendar.Next();
        var stats = await statistics.ForStudentsAsync([studentId], cancellationToken);
        return new StudyPlanOverview(exam, WeeksUntil(exam.DaysLeft), stats, await LatestAsync(studentId, cancellationToken));
    }

    public async Task<PlanResult> GenerateAsync(string studentId, int minutesPerWeek, CancellationToken cancellationToken = default)
    {
        if (CheckMinutes(minutesPerWeek) is { } problem) return new(null, problem);
        var exam = calendar.Next();
        var stats = await statistics.ForStudentsAsync([studentId], cancellationToken);
        var input = new StudyPlanInput(PlanAudience.Student, 1, exam.DaysLeft, WeeksUntil(exam.DaysLeft), minutesPerWeek,
            stats.Areas, stats.Sections, stats.EstimatedTotal, stats.Enough);
        AiResult<StudyPlanOutput> result;
        try
        {
            result = await gateway.RunAsync(operation, input, new AiCallContext(studentId), cancellationToken);
        }
        catch (AiRefusedException refused)
        {
            return new(null, refused.Message);
        }
        if (operation.Validate(result.Value, input) is { Count: > 0 } errors)
            return new(null, $"生成的计划没有通过检查（{errors[0]}），请再试一次。");

        var plan = new StudyPlan
        {
            StudentId = studentId, CreatedUtc = clock.GetUtcNow().UtcDateTime, ExamDate = exam.Date, Weeks = input.Weeks, MinutesPerWeek = minutesPerWeek,
            InputJson = JsonSerializer.Serialize(input, GenerateStudyPlanOperation.Json),
            PlanJson = JsonSerializer.Serialize(result.Value, GenerateStudyPlanOperation.Json),
            Engine = result.Engine, Model = result.Model, PromptVersion = result.PromptVersion,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.StudyPlans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return new(Saved(plan), null);
    }

    public async Task<SavedPlan?> LatestAsync(string studentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plan = await db.StudyPlans.AsNoTracking().Where(p => p.StudentId == studentId)
            .OrderByDescending(p => p.CreatedUtc).ThenByDescending(p => p.Id).FirstOrDefaultAsync(cancellationToken);
        return plan is null ? null : Saved(plan);
    }

    private static SavedPlan Saved(StudyPlan p) => new(p.Id, p.CreatedUtc, p.ExamDate, p.Weeks, p.MinutesPerWeek,
        JsonSerializer.Deserialize<StudyPlanOutput>(p.PlanJson, GenerateStudyPlanOperation.Json) ?? new StudyPlanOutput(),
        p.Engine, p.Model, p.PromptVersion);
}
