using CET4Trainer.Core.Ai;
using CET4Trainer.Tests.TestSupport;

namespace CET4Trainer.Tests.Features.Ai;

// The configured key reaches the provider (in the Authorization header) and nowhere else.
public sealed class AiSecretTests
{
    private const string Key = "sk-live-7f3a9c1e5b2d4f60a8e1";
    private static readonly WordQuestion Question = new("abandon");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheKey_IsInNoLogLine_NoCallRecord_NoExceptionMessage_EvenWhenTheProviderEchoesIt()
    {
        await using var a = await FakeAiProvider.StartAsync();
        await using var b = await FakeAiProvider.StartAsync();
        // Every kind of failure, each error body carrying the caller's Authorization header.
        a.Responder = (_, n) => ((n % 4) switch
        {
            1 => FakeReply.Status(401),
            2 => FakeReply.Status(500),
            3 => FakeReply.RateLimited("0"),
            _ => FakeReply.Status(400),
        }) with { EchoAuthorization = true };
        b.Responder = (_, _) => FakeReply.Status(503) with { EchoAuthorization = true };
        await using var ai = new AiGatewayHarness([a.Options("A", apiKey: Key), b.Options("B", apiKey: Key)]);
        var errors = new List<Exception>();

        for (var i = 0; i < 4; i++)
        {
            var result = await ai.Gateway.RunAsync(new ExplainWordOperation(), Question, AiCallContext.System, Ct);
            Assert.True(result.IsOffline);
            await foreach (var _ in ai.Gateway.StreamAsync(new StoryOperation(), Question, AiCallContext.System, Ct))
            {
            }
        }
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(1));
        errors.Add(await Record.ExceptionAsync(() => ai.Gateway.RunAsync(new ExplainWordOperation(), Question, AiCallContext.System, cancel.Token)) ?? new Exception());

        // The key did reach the providers, and they did echo it back.
        Assert.All(a.Requests, r => Assert.Equal($"Bearer {Key}", r.Headers["Authorization"]));
        Assert.True(b.RequestCount > 0);
        Assert.NotEmpty(ai.Logs.Lines);
        Assert.DoesNotContain(Key, ai.Logs.All);
        Assert.DoesNotContain(Key[3..], ai.Logs.All);
        var calls = await ai.CallsAsync();
        Assert.True(calls.Count(c => c.Error is not null) >= 8);
        Assert.All(calls, c => Assert.DoesNotContain(Key[3..], c.Error ?? ""));
        Assert.All(errors, e => Assert.DoesNotContain(Key[3..], e.ToString()));
        var health = await ai.HealthAsync();
        Assert.DoesNotContain(Key[3..], health.Description ?? "");
    }
}
