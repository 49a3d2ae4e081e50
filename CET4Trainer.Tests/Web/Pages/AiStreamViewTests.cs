using Bunit;
using CET4Trainer.Core.Ai;
using CET4Trainer.Tests.TestSupport;
using CET4Trainer.Web.Components.Features.Explanations;

namespace CET4Trainer.Tests.Web.Pages;

// The streamed-text view fed the way a provider stream arrives: token by token, with restarts, cuts and refusals.
public sealed class AiStreamViewTests : MudTestContext
{
    // The machine is shared; a real miss still fails, just later.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private static AiStreamEvent.Finished Done(string engine) => new(engine, "m", AiUsage.None, FromCache: false);

    [Fact]
    public void TokensArrivingOneByOne_AllEndUpOnScreen_WithTheEngineThatWroteThem()
    {
        var words = Enumerable.Range(1, 200).Select(i => $"w{i} ").ToList();
        var stream = new ScriptedStream { Events = [.. words.Select(w => new AiStreamEvent.Delta(w)), Done("deepseek")] };

        var cut = Render<AiStreamView>(p => p.Add(c => c.Source, stream.Play));

        cut.WaitForAssertion(() => Assert.Equal("done", cut.Find("[data-testid=ai-stream]").GetAttribute("data-state")), Wait);
        Assert.Equal(string.Concat(words).Trim(), cut.Find("[data-testid=ai-stream-text]").TextContent.Trim());
        Assert.Equal("false", cut.Find("[data-testid=ai-engine]").GetAttribute("data-offline"));
        Assert.Contains("deepseek", cut.Find("[data-testid=ai-engine]").TextContent);
    }

    [Fact]
    public void ARestart_ClearsTheTextSoFar_AndNamesTheEngineThatStartsOver()
    {
        var stream = new ScriptedStream
        {
            Events = [new AiStreamEvent.Delta("half of the first "), new AiStreamEvent.Restart("backup", "m2"), new AiStreamEvent.Delta("whole text"), Done("backup")],
        };

        var cut = Render<AiStreamView>(p => p.Add(c => c.Source, stream.Play));

        cut.WaitForAssertion(() => Assert.Equal("done", cut.Find("[data-testid=ai-stream]").GetAttribute("data-state")), Wait);
        Assert.Equal("whole text", cut.Find("[data-testid=ai-stream-text]").TextContent);
        Assert.Contains("backup", cut.Find("[data-testid=ai-stream-restart]").TextContent);
        Assert.Contains("backup", cut.Find("[data-testid=ai-engine]").TextContent);
    }

    [Fact]
    public void TheOfflineEngine_IsMarkedAsNotAnAi()
    {
        var stream = ScriptedStream.Finishing("【离线引擎】……", AiEngines.Offline);

        var cut = Render<AiStreamView>(p => p.Add(c => c.Source, stream.Play));

        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=ai-engine]").GetAttribute("data-offline")), Wait);
        Assert.Contains("离线引擎 · 非 AI 生成", cut.Find("[data-testid=ai-engine]").TextContent);
    }

    [Fact]
    public void ARateLimitRefusal_ShowsItsOwnMessage()
    {
        var stream = new ScriptedStream { FailWith = new AiRefusedException("每分钟最多 10 次 AI 请求，请稍后再试。") };
        (string? Engine, string? Error)? ended = null;

        var cut = Render<AiStreamView>(p => p.Add(c => c.Source, stream.Play).Add(c => c.Ended, o => ended = o));

        cut.WaitForAssertion(() => Assert.Equal("每分钟最多 10 次 AI 请求，请稍后再试。", cut.Find("[data-testid=ai-stream-error]").TextContent), Wait);
        Assert.Equal("failed", cut.Find("[data-testid=ai-stream]").GetAttribute("data-state"));
        Assert.Equal((null, "每分钟最多 10 次 AI 请求，请稍后再试。"), ended);
    }

    [Fact]
    public void ACutStream_KeepsWhatWasWritten_AndSaysItFailed()
    {
        var stream = new ScriptedStream { Events = [new AiStreamEvent.Delta("the first half")], FailWith = new HttpRequestException("reset") };

        var cut = Render<AiStreamView>(p => p.Add(c => c.Source, stream.Play));

        cut.WaitForAssertion(() => Assert.Contains("生成失败", cut.Find("[data-testid=ai-stream-error]").TextContent), Wait);
        Assert.Equal("the first half", cut.Find("[data-testid=ai-stream-text]").TextContent);
        Assert.DoesNotContain("reset", cut.Markup);
    }

    [Fact]
    public void AStreamThatJustStops_IsReportedIncomplete()
    {
        var stream = new ScriptedStream { Events = [new AiStreamEvent.Delta("and then")] };

        var cut = Render<AiStreamView>(p => p.Add(c => c.Source, stream.Play));

        cut.WaitForAssertion(() => Assert.Contains("没有生成完整", cut.Find("[data-testid=ai-stream-error]").TextContent), Wait);
    }
}
