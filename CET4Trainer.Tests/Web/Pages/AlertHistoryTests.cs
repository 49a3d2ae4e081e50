using Bunit;
using CET4Trainer.Core.Hosting;
using CET4Trainer.Core.Operations.Alerts;
using CET4Trainer.Tests.TestSupport;
using CET4Trainer.Web.Components.Features.Admin;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Tests.Web.Pages;

public sealed class AlertHistoryTests : MudTestContext
{
    public AlertHistoryTests()
    {
        Services.AddSingleton(new LocalClock(TimeProvider.System, Options.Create(new LocaleOptions())));
    }

    [Fact]
    public void AFailedWebhook_IsShownWithItsReason_BesideTheAlert()
    {
        var at = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        AlertEventView[] events =
        [
            new(2, "memory_mb", "内存占用", "MB", AlertChangeKind.Fired, AlertSeverity.Critical, 4000, 3072, at, at, WebhookDelivery.Failed, 5, "对方返回 HTTP 503"),
            new(1, "cpu_percent", "CPU 占用", "%", AlertChangeKind.Resolved, AlertSeverity.Warning, 10, 85, at, at, WebhookDelivery.Delivered, 2, null),
        ];

        var cut = Render<AlertHistory>(p => p.Add(c => c.Events, events));

        var failed = cut.Find("[data-testid=alert-event-memory_mb]");
        Assert.Contains("触发 · 严重", failed.TextContent);
        Assert.Contains("4000 MB（阈值 3072）", failed.TextContent);
        Assert.Contains("发送失败（5 次）：对方返回 HTTP 503", failed.TextContent);
        Assert.Contains("已送达（第 2 次）", cut.Find("[data-testid=alert-event-cpu_percent]").TextContent);
        Assert.Contains("08:00:00", failed.TextContent);
    }

    [Fact]
    public void NoHistory_SaysWhatHappensNext()
    {
        var cut = Render<AlertHistory>(p => p.Add(c => c.Events, []));

        Assert.Contains("还没有告警记录", cut.Find("[data-testid=alert-history-empty]").TextContent);
    }
}
