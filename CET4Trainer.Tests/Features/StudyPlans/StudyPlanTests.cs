using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Ai.Engine;
using CET4Trainer.Core.Ai.Recording;
using CET4Trainer.Core.Features.Exam;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Scoring;
using CET4Trainer.Core.Features.StudyPlans;
using CET4Trainer.Core.Hosting;
using CET4Trainer.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// Scenario tests calling services in sequence with their default tokens.
#pragma warning disable xUnit1051

namespace CET4Trainer.Tests.Features.StudyPlans;

public sealed class StudyPlanTests : IDisposable
{
    private static readonly GenerateStudyPlanOperation Operation = new();
    private readonly SqliteTestDatabase database = new();
    private readonly FixedClock clock = new(new DateTimeOffset(2026, 11, 20, 4, 0, 0, TimeSpan.Zero));

    // Careful reading is the weak area: 20% right over many questions; everything else is nearly perfect.
    private static StudyPlanInput Input(int weeks = 4, int minutes = 300)
    {
        var totals = ExamScale.PaperTypes.Select(t => t == ItemType.CarefulReading
            ? new TypeTotals(t, 200, 40, 80, 400)
            : ItemTypes.IsConstructedResponse(t) ? new TypeTotals(t, 10, 0, 140, 150) : new TypeTotals(t, 200, 190, 190, 200)).ToList();
        var stats = LearnerStatistics.Summarise(totals);
        return new StudyPlanInput(PlanAudience.Student, 1, weeks * 7 - 3, weeks, minutes, stats.Areas, stats.Sections, stats.EstimatedTotal, stats.Enough);
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(4, 300)]
    [InlineData(12, 90)]
    [InlineData(16, 1500)]
    public void OfflinePlan_HasOneEntryPerWeek_AndKeepsEveryWeekWithinTheBudget(int weeks, int minutes)
    {
        var input = Input(weeks, minutes);

        var plan = OfflinePlanner.Plan(input);

        Assert.Equal(Enumerable.Range(1, weeks), plan.Weeks!.Select(w => w.Week));
        Assert.All(plan.Weeks!, w =>
        {
            var used = w.Sessions!.Sum(s => s.Minutes);
            Assert.InRange(used, minutes / 2, minutes);
            Assert.All(w.Sessions!, s => Assert.True(PlanActivities.IsKnown(s.Type)));
        });
        Assert.Empty(Operation.Validate(plan, input));
    }

    [Fact]
    public void OfflinePlan_GivesTheWeakestArea_TheMostTime_AndAMockBeforeTheExam()
    {
        var input = Input(6, 400);

        var plan = OfflinePlanner.Plan(input);

        var byType = plan.Weeks!.SelectMany(w => w.Sessions!).Where(s => PlanActivities.ItemTypeOf(s.Type) is not null)
            .GroupBy(s => s.Type!).ToDictionary(g => g.Key, g => g.Sum(s => s.Minutes));
        var most = byType.MaxBy(kv => kv.Value);
        Assert.Equal(nameof(ItemType.CarefulReading), most.Key);
        Assert.All(byType.Where(kv => kv.Key != most.Key), kv => Assert.True(kv.Value * 2 <= most.Value, $"{kv.Key}: {kv.Value} vs {most.Value}"));
        Assert.Contains("仔细阅读", plan.Weeks![0].Focus);
        Assert.Contains(plan.Weeks[^1].Sessions!, s => s.Type == PlanActivities.Mock && s.Minutes == PlanActivities.MockMinutes);
        Assert.Contains(plan.Weeks[0].Sessions!, s => s.Type == PlanActivities.Vocabulary);
    }

    [Fact]
    public void Validation_RefusesWrongWeekCount_OverBudget_UnknownTypes_AndIdleWeeks()
    {
        var input = Input(3, 200);
        PlanWeek Week(int n, params (string Type, int Minutes)[] sessions) => new()
        {
            Week = n, Focus = "阅读", Sessions = sessions.Select(s => new PlanSession { Type = s.Type, Minutes = s.Minutes, Activity = "做题" }).ToList(),
        };

        var tooFew = new StudyPlanOutput { Summary = "计划", Weeks = [Week(1, ("Writing", 150)), Week(2, ("Writing", 150))] };
        var overBudget = new StudyPlanOutput { Summary = "计划", Weeks = [Week(1, ("Writing", 150), ("CarefulReading", 60)), Week(2, ("Writing", 150)), Week(3, ("Writing", 150))] };
        var unknown = new StudyPlanOutput { Summary = "计划", Weeks = [Week(1, ("Grammar", 150)), Week(2, ("Writing", 150)), Week(3, ("Writing", 150))] };
        var idle = new StudyPlanOutput { Summary = "计划", Weeks = [Week(1, ("Writing", 30)), Week(2, ("Writing", 150)), Week(3, ("Writing", 150))] };
        var good = new StudyPlanOutput { Summary = "计划", Weeks = [Week(1, ("Writing", 150)), Week(2, ("Mock", 125), ("Vocabulary", 20)), Week(3, ("ListeningNews", 200))] };

        Assert.Contains(Operation.Validate(tooFew, input), e => e.Contains("exactly 3 entries"));
        Assert.Contains(Operation.Validate(overBudget, input), e => e.Contains("more than the weekly budget of 200"));
        Assert.Contains(Operation.Validate(unknown, input), e => e.Contains("unknown session type \"Grammar\""));
        Assert.Contains(Operation.Validate(idle, input), e => e.Contains("uses only 30 of 200"));
        Assert.Empty(Operation.Validate(good, input));
    }

    [Fact]
    public async Task Service_MakesASavedPlanFromTheStudentsOwnAnswers_ShownAgainLater_AndNoIdentityReachesThePrompt()
    {
        await PracticeServices.LoadBundledContentAsync(database);
        var student = await database.AddUserAsync("plan-student@example.edu.cn");
        int careful;
        await using (var db = database.CreateDbContext())
            careful = await db.Items.Where(i => i.Type == ItemType.CarefulReading).Select(i => i.Id).FirstAsync();
        for (var round = 0; round < 4; round++)
            await AnswerSeeder.AnswerAsync(database, student.Id, careful, AnswerSeeder.Results(1, 4), clock.Now.UtcDateTime.AddDays(-round - 1));
        var service = Service();

        Assert.Equal("每周学习时间请填 30-1500 分钟。", (await service.GenerateAsync(student.Id, 10)).Error);
        Assert.Null(await service.LatestAsync(student.Id));
        var made = await service.GenerateAsync(student.Id, 240);

        Assert.Null(made.Error);
        var overview = await service.OverviewAsync(student.Id);
        Assert.Equal(made.Plan!.Id, overview.Latest!.Id);
        Assert.Equal((AiEngines.Offline, 240, overview.Weeks), (overview.Latest.Engine, overview.Latest.MinutesPerWeek, overview.Latest.Weeks));
        Assert.Equal(overview.Weeks, overview.Latest.Plan.Weeks!.Count);
        var careful20 = overview.Stats.Areas.Single(a => a.Type == ItemType.CarefulReading);
        Assert.Equal((20, 0.2), (careful20.Questions, careful20.Accuracy));
        await using var check = database.CreateDbContext();
        var saved = await check.StudyPlans.SingleAsync();
        Assert.DoesNotContain(student.Id, saved.InputJson);
        var call = await check.AiCalls.SingleAsync();
        Assert.Equal((student.Id, "GenerateStudyPlan"), (call.UserId, call.Operation));

        var input = System.Text.Json.JsonSerializer.Deserialize<StudyPlanInput>(saved.InputJson, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)
        {
            Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        })!;
        var prompt = string.Join("\n", Operation.BuildPrompt(input).Select(m => m.Text));
        Assert.DoesNotContain(student.Id, prompt);
        Assert.DoesNotContain("plan-student", prompt);
        Assert.Contains("CarefulReading", prompt);
    }

    private StudyPlanService Service()
    {
        var local = new LocalClock(clock, Options.Create(new LocaleOptions()));
        var calendar = new ExamCalendar(local, Options.Create(new ExamOptions { Dates = [new DateOnly(2026, 12, 19)] }));
        var gateway = OfflineGateway.Create(database, clock);
        return new StudyPlanService(database, new LearnerStatistics(database, clock), calendar, gateway, Operation, clock);
    }

    public void Dispose() => database.Dispose();
}
