using System.Net;
using System.Text.Json;
using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Ai.Engine;
using CET4Trainer.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CET4Trainer.Tests.Features.Ai;

// The whole app configured with a provider: an open circuit makes readiness Degraded (still 200),
// and the key from configuration is nowhere in the app's logs or the health report.
public sealed class AiAppWiringTests
{
    private const string Key = "sk-app-wiring-5e4d3c2b1a09";

    [Fact]
    public async Task OpenCircuit_ReportsDegradedReadiness_AndTheKeyStaysOutOfLogs()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await FakeAiProvider.StartAsync();
        fake.Responder = (_, _) => FakeReply.Status(503) with { EchoAuthorization = true };
        await using var app = new Cet4AppFactory()
            .With("Ai:Providers:0:Name", "deepseek")
            .With("Ai:Providers:0:BaseUrl", fake.BaseUrl)
            .With("Ai:Providers:0:Model", fake.Model)
            .With("Ai:Providers:0:ApiKey", Key)
            .With("Ai:Resilience:MaxRetries", "0")
            .With("Ai:Resilience:BreakerMinimumThroughput", "2")
            .With("Ai:Resilience:BreakerBreakSeconds", "60");
        var client = app.CreateClient();
        var gateway = app.Services.GetRequiredService<AiGateway>();

        for (var i = 0; i < 2; i++)
            Assert.True((await gateway.RunAsync(new ExplainWordOperation(), new WordQuestion("abandon"), AiCallContext.System, ct)).IsOffline);
        var response = await client.GetAsync("/health/ready", ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(ct);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("Degraded", json.RootElement.GetProperty("status").GetString());
        var check = json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "ai-providers");
        Assert.Equal("Degraded", check.GetProperty("status").GetString());
        Assert.Contains("deepseek：熔断中", check.GetProperty("description").GetString());
        Assert.Equal(2, fake.RequestCount);
        Assert.Equal($"Bearer {Key}", fake.Requests[0].Headers["Authorization"]);
        Assert.Contains(app.Logs.Lines, l => l.Contains("circuit opened"));
        Assert.DoesNotContain(Key[3..], app.Logs.All);
        Assert.DoesNotContain(Key[3..], body);
    }
}
