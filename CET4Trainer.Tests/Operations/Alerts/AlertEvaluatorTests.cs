using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Operations.Alerts;
using CET4Trainer.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Tests.Operations.Alerts;

public sealed class AlertEvaluatorTests : IDisposable
{
    private static readonly Viewer Admin = new("admin-id", IsAdmin: true);
    private readonly SqliteTestDatabase db = new();
    private readonly FixedClock clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly TestSignals signals = new(AlertSignalNames.LatencyP95Ms, AlertSignalNames.MemoryMb, AlertSignalNames.ErrorRate);
    private readonly AlertHub hub = new();
    private readonly AlertEvaluator evaluator;
    private readonly AlertService service;

    public AlertEvaluatorTests()
    {
        var queue = new AlertWebhookQueue(Options.Create(new AlertOptions()), db, clock);
        evaluator = new AlertEvaluator(db, new AlertSignals([signals]), hub, queue, clock, NullLogger<AlertEvaluator>.Instance);
        service = new AlertService(db, hub, clock);
        new AlertRuleSeeder(db, clock).SeedAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    [Fact]
    public async Task Defaults_AreSeededOnce_ForEverySignal_AndEditsSurviveASecondSeeding()
    {
        var rules = await service.RulesAsync(Admin, TestContext.Current.CancellationToken);
        Assert.Equal(AlertSignalNames.All.Select(s => s.Name).Order(), rules.Select(r => r.Signal).Order());
        Assert.All(rules, r => Assert.True(r.Enabled));
        var memory = rules.Single(r => r.Signal == AlertSignalNames.MemoryMb);
        Assert.Empty(await service.UpdateAsync(Admin, memory.Id, new AlertRuleEdit(100, 200, 30, true), TestContext.Current.CancellationToken));

        await new AlertRuleSeeder(db, clock).SeedAsync(TestContext.Current.CancellationToken);

        var after = await service.RulesAsync(Admin, TestContext.Current.CancellationToken);
        Assert.Equal(rules.Count, after.Count);
        Assert.Equal(100, after.Single(r => r.Signal == AlertSignalNames.MemoryMb).Warning);
    }

    [Fact]
    public async Task ARuleFiresAfterItsDuration_AndResolves_WithBothRecordedInHistory_AndTheHubTold()
    {
        var latency = await RuleAsync(AlertSignalNames.LatencyP95Ms);
        var published = 0;
        using var _ = hub.Subscribe(() => published++);
        signals.Set(AlertSignalNames.LatencyP95Ms, 1500);

        Assert.Empty(await evaluator.EvaluateAsync(TestContext.Current.CancellationToken));
        Assert.Equal(AlertStatus.Pending, (await RuleAsync(AlertSignalNames.LatencyP95Ms)).Status);
        clock.Now = clock.Now.AddSeconds(latency.ForSeconds);
        var fired = Assert.Single(await evaluator.EvaluateAsync(TestContext.Current.CancellationToken));
        Assert.Equal((AlertChangeKind.Fired, AlertSeverity.Warning, 1500d, 1000d), (fired.Kind, fired.Severity, fired.Value!.Value, fired.Threshold!.Value));
        var firing = Assert.Single(await service.FiringAsync(Admin, TestContext.Current.CancellationToken));
        Assert.Equal("请求延迟 P95", firing.Name);

        signals.Set(AlertSignalNames.LatencyP95Ms, 200);
        clock.Now = clock.Now.AddSeconds(15);
        var resolved = Assert.Single(await evaluator.EvaluateAsync(TestContext.Current.CancellationToken));

        Assert.Equal(AlertChangeKind.Resolved, resolved.Kind);
        Assert.Empty(await service.FiringAsync(Admin, TestContext.Current.CancellationToken));
        var history = await service.HistoryAsync(Admin, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal([AlertChangeKind.Resolved, AlertChangeKind.Fired], history.Select(h => h.Kind));
        Assert.All(history, h => Assert.Equal(WebhookDelivery.NotConfigured, h.Webhook));
        Assert.Equal(clock.Now.UtcDateTime.AddSeconds(-15), history[0].FiringSinceUtc);
        Assert.Equal(3, published);
    }

    [Fact]
    public async Task UnknownAndBrokenSignals_FireNothing_AndDoNotStopTheOtherRules()
    {
        await ZeroDurationAsync(AlertSignalNames.MemoryMb, warning: 10);
        await ZeroDurationAsync(AlertSignalNames.ErrorRate, warning: 1);
        signals.Broken.Add(AlertSignalNames.ErrorRate);
        signals.Set(AlertSignalNames.MemoryMb, 50);

        var events = await evaluator.EvaluateAsync(TestContext.Current.CancellationToken);

        Assert.Equal(AlertSignalNames.MemoryMb, Assert.Single(events).Signal);
        // Latency has no value at all (nothing measures it in this test), CPU and the rest have no source here.
        var rules = await service.RulesAsync(Admin, TestContext.Current.CancellationToken);
        Assert.All(rules.Where(r => r.Signal != AlertSignalNames.MemoryMb), r => Assert.Equal(AlertStatus.Ok, r.Status));
    }

    [Fact]
    public async Task AnEditDuringFiring_TakesEffectAtTheNextEvaluation()
    {
        var memory = await ZeroDurationAsync(AlertSignalNames.MemoryMb, warning: 10);
        signals.Set(AlertSignalNames.MemoryMb, 50);
        await evaluator.EvaluateAsync(TestContext.Current.CancellationToken);
        Assert.Equal(AlertStatus.Firing, (await RuleAsync(AlertSignalNames.MemoryMb)).Status);

        Assert.Empty(await service.UpdateAsync(Admin, memory.Id, new AlertRuleEdit(100, 200, 0, true), TestContext.Current.CancellationToken));
        Assert.Equal(AlertStatus.Firing, (await RuleAsync(AlertSignalNames.MemoryMb)).Status);
        var resolved = Assert.Single(await evaluator.EvaluateAsync(TestContext.Current.CancellationToken));

        Assert.Equal(AlertChangeKind.Resolved, resolved.Kind);
        Assert.Equal(100, resolved.Threshold);
    }

    [Theory]
    [InlineData(null, null, 60, "至少填写一个阈值")]
    [InlineData(500d, 100d, 60, "“严重”阈值不能低于“警告”阈值")]
    [InlineData(100d, 200d, -1, "持续时间必须在 0 到 86400 秒之间")]
    [InlineData(-5d, 200d, 60, "警告阈值必须是不小于 0 的数")]
    public async Task BadEdits_AreRefusedInChinese_AndChangeNothing(double? warning, double? critical, int forSeconds, string message)
    {
        var before = await RuleAsync(AlertSignalNames.MemoryMb);

        var errors = await service.UpdateAsync(Admin, before.Id, new AlertRuleEdit(warning, critical, forSeconds, false), TestContext.Current.CancellationToken);

        Assert.Contains(errors, e => e.Contains(message));
        Assert.Equal(before, await RuleAsync(AlertSignalNames.MemoryMb));
    }

    [Fact]
    public async Task PercentThresholds_CannotPassAHundred_AndBelowRulesNeedCriticalUnderWarning()
    {
        var disk = await RuleAsync(AlertSignalNames.DiskFreePercent);

        Assert.Contains(await service.UpdateAsync(Admin, disk.Id, new AlertRuleEdit(150, 5, 60, true), TestContext.Current.CancellationToken),
            e => e.Contains("不能超过 100"));
        Assert.Contains(await service.UpdateAsync(Admin, disk.Id, new AlertRuleEdit(10, 20, 60, true), TestContext.Current.CancellationToken),
            e => e.Contains("“严重”阈值不能高于“警告”阈值"));
        Assert.Empty(await service.UpdateAsync(Admin, disk.Id, new AlertRuleEdit(20, 10, 60, true), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task NonAdmins_AreRefusedEveryAlertOperation()
    {
        var teacher = new Viewer("teacher-id", IsAdmin: false);
        var id = (await RuleAsync(AlertSignalNames.MemoryMb)).Id;

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.RulesAsync(teacher, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.HistoryAsync(teacher, cancellationToken: TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.FiringAsync(teacher, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.UpdateAsync(teacher, id, new AlertRuleEdit(1, 2, 0, true), TestContext.Current.CancellationToken));
        Assert.Equal(1536, (await RuleAsync(AlertSignalNames.MemoryMb)).Warning);
    }

    private async Task<AlertRuleView> ZeroDurationAsync(string signal, double warning)
    {
        var rule = await RuleAsync(signal);
        Assert.Empty(await service.UpdateAsync(Admin, rule.Id, new AlertRuleEdit(warning, null, 0, true), TestContext.Current.CancellationToken));
        return await RuleAsync(signal);
    }

    private async Task<AlertRuleView> RuleAsync(string signal) =>
        (await service.RulesAsync(Admin, TestContext.Current.CancellationToken)).Single(r => r.Signal == signal);

    public void Dispose() => db.Dispose();
}
