using Bunit;
using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Ai.Engine;
using CET4Trainer.Core.Hosting;
using CET4Trainer.Core.Telemetry.Metrics;
using CET4Trainer.Tests.TestSupport;
using CET4Trainer.Web.Components.Features.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace CET4Trainer.Tests.Features.Ai;

// The admin AI page over the real engine: providers, circuits, today's figures and the latest calls.
public sealed class AiAdminPageTests : MudTestContext
{
    private const string Key = "sk-admin-page-0d9c8b7a6f5e";
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private void Use(AiGatewayHarness ai)
    {
        Services.AddSingleton(ai.Get<AiActivityReport>());
        Services.AddSingleton(ai.Get<LocalClock>());
        // The page's live figures and usage table read the metric aggregation and the call records.
        Services.AddSingleton(_ => new MetricsAggregator(ai.Get<System.Diagnostics.Metrics.IMeterFactory>(), TimeProvider.System,
            Microsoft.Extensions.Options.Options.Create(new MetricsOptions())));
        Services.AddSingleton(new AiUsageReport(ai.Database, ai.Get<LocalClock>()));
        // The live figures start their refresh timer only in an interactive render, as on the real page.
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public async Task ShowsEachProvidersCircuitAndTodaysFigures_AndTheLatestCalls_ButNeverTheKey()
    {
        await using var a = await FakeAiProvider.StartAsync();
        await using var b = await FakeAiProvider.StartAsync();
        a.Responder = (_, _) => FakeReply.Status(503) with { EchoAuthorization = true };
        b.Responder = (_, _) => FakeReply.Json(new WordAnswer("放弃", 2, null), inputTokens: 1200, outputTokens: 300);
        await using var ai = new AiGatewayHarness([a.Options("deepseek", apiKey: Key), b.Options("openai", apiKey: Key)], new Dictionary<string, string?>
        {
            ["Ai:Resilience:MaxRetries"] = "0",
            ["Ai:Resilience:BreakerMinimumThroughput"] = "2",
            ["Ai:Resilience:BreakerBreakSeconds"] = "60",
        });
        Use(ai);
        for (var i = 0; i < 3; i++) await ai.Gateway.RunAsync(new ExplainWordOperation(), new WordQuestion("abandon"), AiCallContext.System, Ct);

        var cut = Render<AiAdminPage>();
        cut.WaitForElement("[data-testid=ai-calls]");

        var deepseek = cut.Find("[data-testid=ai-provider-deepseek]").TextContent;
        Assert.Contains("熔断中", deepseek);
        Assert.Contains(a.Model, deepseek);
        Assert.Contains(new Uri(a.BaseUrl).Authority, deepseek);
        Assert.Contains("3 次，成功率 0%", deepseek);
        var openai = cut.Find("[data-testid=ai-provider-openai]").TextContent;
        Assert.Contains("正常", openai);
        Assert.Contains("3 次，成功率 100%", openai);
        Assert.Contains("输入 3,600 / 输出 900", openai);
        Assert.Contains("今天还没有调用", cut.Find("[data-testid=ai-provider-offline]").TextContent);
        var rows = cut.FindAll("[data-testid=ai-calls] tbody tr");
        Assert.Equal(6, rows.Count);
        Assert.Contains("熔断跳过", rows[0].TextContent + rows[1].TextContent);
        Assert.Contains(rows, r => r.TextContent.Contains("暂时故障") && r.TextContent.Contains("HTTP 503"));
        Assert.DoesNotContain(Key[3..], cut.Markup);
    }

    [Fact]
    public async Task WithoutProvidersOrCalls_SaysWhatToDo()
    {
        await using var ai = new AiGatewayHarness([]);
        Use(ai);

        var cut = Render<AiAdminPage>();
        cut.WaitForElement("[data-testid=ai-calls-empty]");

        Assert.Contains("Ai:Providers", cut.Find("[data-testid=ai-no-providers]").TextContent);
        Assert.Contains("今天还没有调用", cut.Find("[data-testid=ai-provider-offline]").TextContent);
    }

    [Fact]
    public async Task Refresh_ShowsNewCalls()
    {
        await using var ai = new AiGatewayHarness([]);
        Use(ai);
        var cut = Render<AiAdminPage>();
        cut.WaitForElement("[data-testid=ai-calls-empty]");

        await ai.Gateway.RunAsync(new ExplainWordOperation(), new WordQuestion("abandon"), AiCallContext.System, Ct);
        await cut.Find("[data-testid=ai-refresh]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=ai-calls] tbody tr")));
        Assert.Contains("1 次，成功率 100%", cut.Find("[data-testid=ai-provider-offline]").TextContent);
    }
}
