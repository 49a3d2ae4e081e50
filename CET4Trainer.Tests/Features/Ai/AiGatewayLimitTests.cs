using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Ai.Engine;
using CET4Trainer.Core.Ai.Recording;
using CET4Trainer.Tests.TestSupport;

namespace CET4Trainer.Tests.Features.Ai;

// Limits refuse before any engine runs, with a message for the user and a record of the refusal.
public sealed class AiGatewayLimitTests
{
    private static readonly WordQuestion Question = new("abandon");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InteractiveCalls_BeyondThePerMinuteLimit_AreRefused_PerUser()
    {
        await using var a = await FakeAiProvider.StartAsync();
        a.Responder = (_, _) => FakeReply.Json(new WordAnswer("放弃", 2, null));
        await using var ai = new AiGatewayHarness([a.Options("A")], new Dictionary<string, string?> { ["Ai:Limits:RequestsPerUserPerMinute"] = "2" });
        var student = new AiCallContext("student-1");

        await ai.Gateway.RunAsync(new ExplainWordOperation(), Question, student, Ct);
        await ai.Gateway.RunAsync(new ExplainWordOperation(), Question, student, Ct);
        var refused = await Assert.ThrowsAsync<AiRefusedException>(() => ai.Gateway.RunAsync(new ExplainWordOperation(), Question, student, Ct));
        var refusedStream = await Assert.ThrowsAsync<AiRefusedException>(async () =>
        {
            await foreach (var _ in ai.Gateway.StreamAsync(new StoryOperation(), Question, student, Ct))
            {
            }
        });

        Assert.StartsWith("AI 请求太频繁：每分钟最多 2 次", refused.Message);
        Assert.Equal(refused.Message[..15], refusedStream.Message[..15]);
        Assert.Equal(2, a.RequestCount);
        // Another user, work inside a task and system calls are not held back by this student's limit.
        Assert.Equal("A", (await ai.Gateway.RunAsync(new ExplainWordOperation(), Question, new AiCallContext("student-2"), Ct)).Engine);
        Assert.Equal("A", (await ai.Gateway.RunAsync(new ExplainWordOperation(), Question, new AiCallContext("student-1", Guid.NewGuid()), Ct)).Engine);
        Assert.Equal("A", (await ai.Gateway.RunAsync(new ExplainWordOperation(), Question, AiCallContext.System, Ct)).Engine);
        var refusals = (await ai.CallsAsync()).Where(c => c.Outcome == AiOutcome.Refused).ToList();
        Assert.Equal(2, refusals.Count);
        Assert.All(refusals, r => Assert.Equal((AiGateway.NotCalled, "student-1"), (r.Engine, r.UserId)));
        Assert.Equal(refused.Message, refusals[0].Error);
    }

    [Fact]
    public async Task ATeacherOverTheDailyBudget_IsRefused_AndTheProviderIsNotCalled()
    {
        await using var a = await FakeAiProvider.StartAsync();
        a.Responder = (_, _) => FakeReply.Json(new WordAnswer("放弃", 2, null), inputTokens: 1_000_000, outputTokens: 0);
        await using var ai = new AiGatewayHarness([a.Options("A", inputPrice: 1m)], new Dictionary<string, string?>
        {
            ["Ai:Limits:DailyCostBudgetPerTeacher"] = "1.5",
        });
        var teacherTask = new AiCallContext("teacher-1", Guid.NewGuid(), CountsAgainstBudget: true);

        // 1.0 spent, under the limit; 2.0 spent, the next call is refused.
        Assert.Equal(1m, (await ai.Gateway.RunAsync(new ExplainWordOperation(), Question, teacherTask, Ct)).Usage.Cost);
        await ai.Gateway.RunAsync(new ExplainWordOperation(), Question, teacherTask, Ct);
        var refused = await Assert.ThrowsAsync<AiRefusedException>(() => ai.Gateway.RunAsync(new ExplainWordOperation(), Question, teacherTask, Ct));

        Assert.Contains("今天的 AI 费用已达上限", refused.Message);
        Assert.Equal(2, a.RequestCount);
        Assert.Equal(AiOutcome.Refused, (await ai.CallsAsync())[^1].Outcome);
        // Calls that do not count against a budget still go through.
        Assert.Equal("A", (await ai.Gateway.RunAsync(new ExplainWordOperation(), Question, new AiCallContext("teacher-1", Guid.NewGuid()), Ct)).Engine);
    }
}
