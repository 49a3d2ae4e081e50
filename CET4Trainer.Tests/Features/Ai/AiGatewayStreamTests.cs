using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Ai.Recording;
using CET4Trainer.Tests.TestSupport;

namespace CET4Trainer.Tests.Features.Ai;

// Streamed prose through the chain: retries before the first token, Restart when a stream is cut.
public sealed class AiGatewayStreamTests
{
    private static readonly WordQuestion Question = new("abandon");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<AiStreamEvent>> ReadAllAsync(IAsyncEnumerable<AiStreamEvent> stream)
    {
        var events = new List<AiStreamEvent>();
        await foreach (var e in stream) events.Add(e);
        return events;
    }

    // The text a reader shows: everything since the last Restart.
    private static string Shown(IEnumerable<AiStreamEvent> events)
    {
        var text = "";
        foreach (var e in events)
        {
            if (e is AiStreamEvent.Restart) text = "";
            if (e is AiStreamEvent.Delta d) text += d.Text;
        }
        return text;
    }

    [Fact]
    public async Task Stream_ArrivesInDeltas_AndFinishesWithTheFinalUsage()
    {
        await using var a = await FakeAiProvider.StartAsync();
        a.Enqueue(FakeReply.Text("Once upon a time a student abandoned fear.", inputTokens: 40, outputTokens: 12));
        await using var ai = new AiGatewayHarness([a.Options("A", inputPrice: 1m, outputPrice: 2m)]);

        var events = await ReadAllAsync(ai.Gateway.StreamAsync(new StoryOperation(), Question, AiCallContext.System, Ct));

        Assert.True(events.OfType<AiStreamEvent.Delta>().Count() > 3);
        Assert.Equal("Once upon a time a student abandoned fear.", Shown(events));
        var finished = Assert.IsType<AiStreamEvent.Finished>(events[^1]);
        Assert.Equal(("A", a.Model, new AiUsage(40, 12, 0.000064m), false), (finished.Engine, finished.Model, finished.Usage, finished.FromCache));
        Assert.True(a.Requests[0].Stream);
        Assert.Null(a.Requests[0].Json!["response_format"]);
        var call = Assert.Single(await ai.CallsAsync());
        Assert.Equal((AiOutcome.Success, true, 40, 12), (call.Outcome, call.Streamed, call.InputTokens, call.OutputTokens));
    }

    [Fact]
    public async Task FailureBeforeTheFirstToken_IsRetried_WithoutARestart()
    {
        await using var a = await FakeAiProvider.StartAsync();
        a.Enqueue(FakeReply.Status(503), FakeReply.Text("Second try works."));
        await using var ai = new AiGatewayHarness([a.Options("A")]);

        var events = await ReadAllAsync(ai.Gateway.StreamAsync(new StoryOperation(), Question, AiCallContext.System, Ct));

        Assert.DoesNotContain(events, e => e is AiStreamEvent.Restart);
        Assert.Equal("Second try works.", Shown(events));
        Assert.Equal(2, a.RequestCount);
        Assert.Equal(1, Assert.Single(await ai.CallsAsync()).Retries);
    }

    [Fact]
    public async Task StreamCutHalfway_RestartsWithTheNextEngine_WithoutRetryingTheFirst()
    {
        await using var a = await FakeAiProvider.StartAsync();
        await using var b = await FakeAiProvider.StartAsync();
        a.Responder = (_, _) => FakeReply.CutStream("The first provider starts a long story and then", chunksBeforeCut: 3);
        b.Enqueue(FakeReply.Text("The second provider tells it whole.", inputTokens: 30, outputTokens: 9));
        await using var ai = new AiGatewayHarness([a.Options("A"), b.Options("B")]);

        var events = await ReadAllAsync(ai.Gateway.StreamAsync(new StoryOperation(), Question, AiCallContext.System, Ct));

        var restart = events.OfType<AiStreamEvent.Restart>().Single();
        Assert.Equal(("B", b.Model), (restart.Engine, restart.Model));
        var before = events.TakeWhile(e => e is not AiStreamEvent.Restart).OfType<AiStreamEvent.Delta>();
        Assert.Equal("The first provider start", string.Concat(before.Select(d => d.Text)));
        Assert.Equal("The second provider tells it whole.", Shown(events));
        Assert.Equal("B", Assert.IsType<AiStreamEvent.Finished>(events[^1]).Engine);
        Assert.Equal(1, a.RequestCount);
        var calls = await ai.CallsAsync();
        Assert.Equal([("A", AiOutcome.TransientFailure), ("B", AiOutcome.Success)], calls.Select(c => (c.Engine, c.Outcome)));
        Assert.Equal("连接失败或中断", calls[0].Error);
    }

    [Fact]
    public async Task EveryProviderFails_TheOfflineTextFollowsARestart()
    {
        await using var a = await FakeAiProvider.StartAsync();
        await using var b = await FakeAiProvider.StartAsync();
        a.Responder = (_, _) => FakeReply.CutStream("Half a story that never", chunksBeforeCut: 1);
        b.Responder = (_, _) => FakeReply.Status(401);
        await using var ai = new AiGatewayHarness([a.Options("A"), b.Options("B")]);

        var events = await ReadAllAsync(ai.Gateway.StreamAsync(new StoryOperation(), Question, AiCallContext.System, Ct));

        Assert.Equal(StoryOperation.OfflineText, Shown(events));
        var restarts = events.OfType<AiStreamEvent.Restart>().Select(r => r.Engine).ToList();
        // B was announced when A broke off; when B failed without a word the offline engine took over.
        Assert.Equal(["B", AiEngines.Offline], restarts);
        var finished = Assert.IsType<AiStreamEvent.Finished>(events[^1]);
        Assert.Equal((AiEngines.Offline, (string?)null), (finished.Engine, finished.Model));
        Assert.Equal([AiOutcome.TransientFailure, AiOutcome.PermanentFailure, AiOutcome.Success], (await ai.CallsAsync()).Select(c => c.Outcome));
    }

    [Fact]
    public async Task NoProviders_OfflineTextWithoutRestart()
    {
        await using var ai = new AiGatewayHarness([]);

        var events = await ReadAllAsync(ai.Gateway.StreamAsync(new StoryOperation(), Question, AiCallContext.System, Ct));

        Assert.Equal(2, events.Count);
        Assert.Equal(StoryOperation.OfflineText, Assert.IsType<AiStreamEvent.Delta>(events[0]).Text);
        Assert.Equal(AiEngines.Offline, Assert.IsType<AiStreamEvent.Finished>(events[1]).Engine);
    }

    [Fact]
    public async Task ALongAnswer_IsNotCutByTheAttemptTimeout()
    {
        await using var a = await FakeAiProvider.StartAsync();
        // 1 s per attempt; the whole answer takes longer, but chunks keep coming.
        a.Enqueue(FakeReply.Text(new string('x', 12 * 8)) with { Delay = TimeSpan.FromMilliseconds(600) });
        await using var ai = new AiGatewayHarness([a.Options("A", timeoutSeconds: 1)]);
        var slowReader = 0;

        var events = new List<AiStreamEvent>();
        await foreach (var e in ai.Gateway.StreamAsync(new StoryOperation(), Question, AiCallContext.System, Ct))
        {
            events.Add(e);
            if (e is AiStreamEvent.Delta && slowReader++ < 6) await Task.Delay(150, Ct);
        }

        Assert.Equal("A", Assert.IsType<AiStreamEvent.Finished>(events[^1]).Engine);
        Assert.Equal(new string('x', 96), Shown(events));
    }

    [Fact]
    public async Task ReaderLeavingEarly_IsRecordedAsCancelled()
    {
        await using var a = await FakeAiProvider.StartAsync();
        a.Enqueue(FakeReply.Text("A story long enough to leave in the middle of it."));
        await using var ai = new AiGatewayHarness([a.Options("A")]);

        await foreach (var e in ai.Gateway.StreamAsync(new StoryOperation(), Question, AiCallContext.System, Ct))
            if (e is AiStreamEvent.Delta) break;

        var call = Assert.Single(await ai.CallsAsync());
        Assert.Equal(AiOutcome.Cancelled, call.Outcome);
    }
}
