using System.Text.Json;
using System.Text.Json.Nodes;
using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Ai.Engine;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Accounts;
using CET4Trainer.Core.Features.AiTasks;
using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Exam;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.StudyPlans;

// A class plan: unit 1 writes the plan from the course's statistics taken together; units 2.. turn each
// week into a DRAFT assignment with items from the bank, which the teacher reviews and publishes.
public sealed class ClassPlanHandler(
    IDbContextFactory<AppDbContext> contexts, LearnerStatistics statistics, ExamCalendar calendar, AiGateway gateway,
    GenerateStudyPlanOperation operation, LocalClock local, TimeProvider clock) : IAiTaskHandler
{
    public AiTaskKind Kind => AiTaskKind.ClassStudyPlan;

    public async Task RunAsync(AiTaskRun run, CancellationToken cancellationToken)
    {
        var request = run.Input<ClassPlanRequest>();
        if (request.Problem() is { } problem) throw new AiTaskFailedException(problem);
        Viewer teacher;
        List<string> students;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            teacher = await ViewerLookup.ForAsync(db, run.OwnerId, cancellationToken);
            if (!await CourseService.Owned(db, teacher).AnyAsync(c => c.Id == request.CourseId, cancellationToken))
                throw new AiTaskFailedException("课程不存在，或不是你的课程。");
            students = await db.CourseMembers.Where(m => m.CourseId == request.CourseId && m.RemovedUtc == null).Select(m => m.StudentId)
                .ToListAsync(cancellationToken);
        }

        // Picking items is plain code; the weeks' units carry the engine that wrote the plan they follow.
        var (plan, engine) = run.Done == 0
            ? await WritePlanAsync(run, request, students, cancellationToken)
            : await CommittedPlanAsync(run.TaskId, cancellationToken);
        var weeks = plan.Weeks ?? [];
        var seed = BitConverter.ToInt32(run.TaskId.ToByteArray(), 0);
        for (var week = Math.Max(1, run.Done); week <= request.Weeks; week++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await run.ReportStepAsync($"正在为第 {week}/{request.Weeks} 周选题", cancellationToken);
            var planned = weeks.FirstOrDefault(w => w.Week == week) ?? new PlanWeek { Week = week, Focus = "复习", Sessions = [] };
            await DraftAssignmentAsync(run, teacher, request, planned, engine, unchecked(seed + week), cancellationToken);
        }
    }

    private async Task<(StudyPlanOutput Plan, string Engine)> WritePlanAsync(AiTaskRun run, ClassPlanRequest request, List<string> students, CancellationToken cancellationToken)
    {
        await run.ReportStepAsync("正在汇总班级数据", cancellationToken);
        var stats = await statistics.ForStudentsAsync(students, cancellationToken);
        var exam = calendar.Next();
        var input = new StudyPlanInput(PlanAudience.Class, students.Count, exam.DaysLeft, request.Weeks, request.MinutesPerWeek,
            stats.Areas, stats.Sections, stats.EstimatedTotal, stats.Enough);
        await run.ReportStepAsync("正在制定班级计划", cancellationToken);
        AiResult<StudyPlanOutput> result;
        try
        {
            result = await gateway.RunAsync(operation, input, run.CallContext, cancellationToken);
        }
        catch (AiRefusedException refused)
        {
            throw new AiTaskFailedException(refused.Message);
        }
        if (result.Retries > 0) await run.ReportRetriesAsync(result.Retries, cancellationToken);
        if (operation.Validate(result.Value, input) is { Count: > 0 } errors)
            throw new AiTaskFailedException($"生成的计划没有通过检查：{errors[0]}");
        var unit = new JsonObject
        {
            ["number"] = 1, ["engine"] = result.Engine, ["model"] = result.Model, ["promptVersion"] = result.PromptVersion,
            ["plan"] = JsonSerializer.SerializeToNode(result.Value, GenerateStudyPlanOperation.Json),
        };
        await run.CompleteUnitAsync(null, result.Usage, result.Engine, unit, cancellationToken);
        return (result.Value, result.Engine);
    }

    private async Task<(StudyPlanOutput Plan, string Engine)> CommittedPlanAsync(Guid taskId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var json = await db.AiTasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => t.ResultJson).FirstOrDefaultAsync(cancellationToken);
        var plan = ClassPlanService.PlanIn(json) ?? throw new AiTaskFailedException("找不到已经生成的班级计划，请重新开始。");
        return (plan, ClassPlanService.PlanEngineIn(json) ?? AiEngines.Offline);
    }

    private async Task DraftAssignmentAsync(AiTaskRun run, Viewer teacher, ClassPlanRequest request, PlanWeek week, string engine, int seed,
        CancellationToken cancellationToken)
    {
        var focus = string.IsNullOrWhiteSpace(week.Focus) ? "复习" : week.Focus.Trim();
        var title = $"第 {week.Week} 周：{(focus.Length > 60 ? focus[..60] + "…" : focus)}";
        var opens = local.ToUtc(local.Today().AddDays(7 * (week.Week - 1)).ToDateTime(TimeOnly.MinValue));
        var unit = new JsonObject { ["number"] = week.Week + 1, ["week"] = week.Week, ["title"] = title };
        await run.CompleteUnitAsync(async (db, token) =>
        {
            var items = await AssignmentItemPicker.PickAsync(db, teacher, request.CourseId, week.Sessions ?? [], seed, token);
            if (items.Count == 0)
            {
                unit["skipped"] = "题库里没有这一周所需题型的已发布题目，没有生成作业。";
                return;
            }
            var assignment = new Assignment
            {
                CourseId = request.CourseId, Title = title, OpenUtc = opens, DueUtc = opens.AddDays(7).AddMinutes(-1), MaxAttempts = 1,
                Feedback = FeedbackMode.Immediate, IsDraft = true, CreatedUtc = clock.GetUtcNow().UtcDateTime,
                Items = items.Select((id, i) => new AssignmentItem { Position = i, ItemId = id }).ToList(),
            };
            db.Assignments.Add(assignment);
            await db.SaveChangesAsync(token);
            unit["assignmentId"] = assignment.Id;
            unit["items"] = items.Count;
        }, AiUsage.None, engine, unit, cancellationToken);
    }
}
