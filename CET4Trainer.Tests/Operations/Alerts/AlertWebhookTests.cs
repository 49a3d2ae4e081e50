using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Operations.Alerts;
using CET4Trainer.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CET4Trainer.Tests.Operations.Alerts;

// The webhook through the real app host: real evaluator, real background sender, real HTTP.
public sealed class AlertWebhookTests
{
    private static readonly Viewer Admin = new("admin-id", IsAdmin: true);

    [Fact]
    public async Task AFailingWebhook_IsRetriedWithBackoffUntilItAccepts_WithTheRightPayload_AndEvaluationNeverWaitsForIt()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 2, holdFirst: true);
        var signals = new TestSignals(AlertSignalNames.MemoryMb);
        await using var app = NewApp(receiver.Url, signals, maxAttempts: 5);
        var (evaluator, alerts) = await OnlyMemoryRuleAsync(app, warning: 100);

        signals.Set(AlertSignalNames.MemoryMb, 150);
        var fired = Assert.Single(await evaluator.EvaluateAsync(TestContext.Current.CancellationToken));
        await receiver.FirstArrived.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        // The first post is still held open by the receiver, yet the next evaluation runs and records at once.
        signals.Set(AlertSignalNames.MemoryMb, 20);
        var resolved = Assert.Single(await evaluator.EvaluateAsync(TestContext.Current.CancellationToken));
        var history = await alerts.HistoryAsync(Admin, cancellationToken: TestContext.Current.CancellationToken);
        Assert.All(history, h => Assert.Equal(WebhookDelivery.Pending, h.Webhook));
        Assert.Equal(1, receiver.Count);

        receiver.Release();
        history = await WaitAsync(alerts, h => h.All(e => e.Webhook == WebhookDelivery.Delivered));

        var firedRow = history.Single(h => h.Id == fired.Id);
        Assert.Equal(3, firedRow.WebhookAttempts);
        Assert.Null(firedRow.WebhookError);
        Assert.Equal(1, history.Single(h => h.Id == resolved.Id).WebhookAttempts);
        Assert.Equal(4, receiver.Count);
        var bodies = receiver.Bodies.ToList();
        Assert.All(bodies.Take(3), b => Assert.Equal(fired.Id, b.GetProperty("eventId").GetInt64()));
        var first = bodies[0];
        Assert.Equal("CET4Trainer", first.GetProperty("source").GetString());
        Assert.Equal("fired", first.GetProperty("kind").GetString());
        Assert.Equal("memory_mb", first.GetProperty("signal").GetString());
        Assert.Equal("内存占用", first.GetProperty("name").GetString());
        Assert.Equal("warning", first.GetProperty("severity").GetString());
        Assert.Equal(150, first.GetProperty("value").GetDouble());
        Assert.Equal(100, first.GetProperty("threshold").GetDouble());
        Assert.Equal("MB", first.GetProperty("unit").GetString());
        Assert.Equal("resolved", bodies[3].GetProperty("kind").GetString());
        Assert.Equal(20, bodies[3].GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task AWebhookThatNeverAccepts_IsMarkedFailedAfterItsAttempts_WithAReasonAnAdminCanRead()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: int.MaxValue, status: 503);
        var signals = new TestSignals(AlertSignalNames.MemoryMb);
        await using var app = NewApp(receiver.Url, signals, maxAttempts: 3);
        var (evaluator, alerts) = await OnlyMemoryRuleAsync(app, warning: 100);
        signals.Set(AlertSignalNames.MemoryMb, 150);

        await evaluator.EvaluateAsync(TestContext.Current.CancellationToken);
        var history = await WaitAsync(alerts, h => h.Count == 1 && h[0].Webhook != WebhookDelivery.Pending);

        var row = history[0];
        Assert.Equal(WebhookDelivery.Failed, row.Webhook);
        Assert.Equal(3, row.WebhookAttempts);
        Assert.Equal("对方返回 HTTP 503", row.WebhookError);
        Assert.Equal(3, receiver.Count);
        Assert.DoesNotContain(receiver.Url, row.WebhookError);
        // The address may carry a token, so it reaches no log line either.
        Assert.DoesNotContain("/hooks/alerts", app.Logs.All);
        // The alert itself fired regardless of the webhook.
        Assert.Single(await alerts.FiringAsync(Admin, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("not a url secret-token")]
    [InlineData("ftp://example.com/hook?token=secret-token")]
    public async Task ABadWebhookUrl_StopsTheAppAtStartUp_NamingTheKey_WithoutRepeatingTheAddress(string url)
    {
        using var folder = new TempFolder();

        var (exitCode, output) = await CET4Trainer.Tests.Hosting.StartupFailureTests.RunAppAsync(folder, new() { ["Monitoring__Alerts__WebhookUrl"] = url });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Monitoring:Alerts:WebhookUrl", output);
        Assert.DoesNotContain("secret-token", output);
    }

    private static Cet4AppFactory NewApp(string url, TestSignals signals, int maxAttempts) =>
        new Cet4AppFactory()
            .With("Monitoring:Alerts:WebhookUrl", url)
            .With("Monitoring:Alerts:WebhookMaxAttempts", maxAttempts.ToString())
            .With("Monitoring:Alerts:WebhookRetryDelayMs", "20")
            .With("Monitoring:Alerts:EvaluateEverySeconds", "300")
            .WithServices(s => s.AddSingleton<IAlertSignalSource>(signals));

    // Every other rule off, so only the signal the test drives can fire (free disk on a full build machine, say).
    private static async Task<(AlertEvaluator, AlertService)> OnlyMemoryRuleAsync(Cet4AppFactory app, double warning)
    {
        var alerts = app.Services.GetRequiredService<AlertService>();
        foreach (var rule in await alerts.RulesAsync(Admin, TestContext.Current.CancellationToken))
        {
            var edit = rule.Signal == AlertSignalNames.MemoryMb
                ? new AlertRuleEdit(warning, null, 0, true)
                : new AlertRuleEdit(rule.Warning, rule.Critical, rule.ForSeconds, false);
            Assert.Empty(await alerts.UpdateAsync(Admin, rule.Id, edit, TestContext.Current.CancellationToken));
        }
        return (app.Services.GetRequiredService<AlertEvaluator>(), alerts);
    }

    private static async Task<IReadOnlyList<AlertEventView>> WaitAsync(AlertService alerts, Func<IReadOnlyList<AlertEventView>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var history = await alerts.HistoryAsync(Admin, cancellationToken: TestContext.Current.CancellationToken);
            if (done(history)) return history;
            if (DateTime.UtcNow > deadline) Assert.Fail("The webhook did not finish in time: " + string.Join("; ", history.Select(h => $"{h.Kind} {h.Webhook} {h.WebhookAttempts}")));
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
