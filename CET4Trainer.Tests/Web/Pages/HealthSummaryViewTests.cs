using Bunit;
using CET4Trainer.Core.Hosting;
using CET4Trainer.Core.Telemetry;
using CET4Trainer.Tests.TestSupport;
using CET4Trainer.Web.Components.Features.Admin;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Tests.Web.Pages;

public sealed class HealthSummaryViewTests : MudTestContext
{
    public HealthSummaryViewTests()
    {
        Services.AddSingleton(new LocalClock(TimeProvider.System, Options.Create(new LocaleOptions())));
    }

    [Fact]
    public void ShowsEachCheckWithItsStatusInChinese()
    {
        var summary = new HealthSummary(HealthStatus.Unhealthy, 12, [
            new HealthEntry("database", HealthStatus.Unhealthy, "Check failed; the log has the details.", 10),
            new HealthEntry("scheduler", HealthStatus.Healthy, "ready", 2),
        ], new DateTime(2026, 11, 22, 4, 0, 0, DateTimeKind.Utc));

        var cut = Render<HealthSummaryView>(p => p.Add(c => c.Summary, summary));

        Assert.Contains("故障", cut.Find("[data-testid=health-overall]").TextContent);
        Assert.Contains("12:00:00", cut.Find("[data-testid=health-overall]").TextContent);
        Assert.Contains("数据库", cut.Find("[data-testid=health-check-database]").TextContent);
        Assert.Contains("故障", cut.Find("[data-testid=health-check-database]").TextContent);
        Assert.Contains("正常", cut.Find("[data-testid=health-check-scheduler]").TextContent);
    }
}
