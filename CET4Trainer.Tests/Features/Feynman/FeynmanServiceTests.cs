using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Ai.Engine;
using CET4Trainer.Core.Ai.Recording;
using CET4Trainer.Core.Features.Feynman;
using CET4Trainer.Core.Features.Generators;
using CET4Trainer.Core.Features.Vocabulary;
using CET4Trainer.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CET4Trainer.Tests.Features.Feynman;

// Feynman exercises against a real SQLite file with the word list, through the real gateway (offline engine).
public sealed class FeynmanServiceTests : IAsyncLifetime
{
    private const string Explanation = "定语从句就是用一个句子去修饰前面的名词，这个名词叫先行词，常用 which 或 who 来引导。";

    private readonly SqliteTestDatabase database = new();
    private readonly FixedClock clock = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
    private FeynmanService feynman = default!;
    private FeynmanTopics topics = default!;
    private string alice = "", bob = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await new VocabularySeeder(database, NullLogger<VocabularySeeder>.Instance).SeedAsync(Ct);
        topics = new FeynmanTopics(new WordIndexProvider(database));
        var gateway = OfflineGateway.Create(database, clock);
        feynman = new FeynmanService(database, topics, gateway, new FeynmanTurn(), new FeynmanSummarize(), clock);
        alice = (await database.AddUserAsync("alice@example.edu.cn")).Id;
        bob = (await database.AddUserAsync("bob@example.edu.cn")).Id;
    }

    [Fact]
    public async Task AnExercise_AsksAtMostThreeQuestions_OneAtATime_ThenOnlyTheSummaryIsLeft()
    {
        var id = await StartAsync(alice);
        for (var n = 1; n <= 3; n++)
        {
            var text = await TurnAsync(id, alice);
            Assert.StartsWith(OfflineFeynman.Label, text);
            Assert.Contains($"问题 {n}/3：", text);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "问题 \\d/3"));
            Assert.Equal(FeynmanStep.StudentAnswer, (await feynman.GetAsync(id, alice, Ct))!.Next);
            Assert.Null(await feynman.AnswerAsync(id, alice, $"第 {n} 个回答：The book which I bought is good.", Ct));
        }

        var view = (await feynman.GetAsync(id, alice, Ct))!;
        Assert.Equal((3, FeynmanStep.Summary), (view.QuestionsAsked, view.Next));
        var refusal = await Assert.ThrowsAsync<FeynmanRefusedException>(() => TurnAsync(id, alice));
        Assert.Contains("最多提问 3 次", refusal.Message);

        var done = await feynman.SummarizeAsync(id, alice, Ct);
        Assert.Equal(FeynmanStep.Done, done.Next);
        Assert.Equal(7, done.Turns.Count);
        Assert.Equal(AiEngines.Offline, done.SummaryEngine);
        Assert.False(string.IsNullOrWhiteSpace(done.Summary!.Understood + done.Summary.Missing + done.Summary.Practise));
        await Assert.ThrowsAsync<FeynmanRefusedException>(() => feynman.SummarizeAsync(id, alice, Ct));
        Assert.Equal("现在不需要回答：请刷新页面查看最新进度。", await feynman.AnswerAsync(id, alice, "more", Ct));

        await using var db = database.CreateDbContext();
        var row = await db.FeynmanSessions.SingleAsync(s => s.Id == id, Ct);
        Assert.Equal(AiEngines.Offline, row.Engines);
        Assert.Equal(1, row.PromptVersion);
        Assert.Equal(1, row.SummaryPromptVersion);
        Assert.Equal(clock.Now.UtcDateTime, row.CompletedUtc);
        Assert.Contains("relative-clauses", row.TopicKey);
        Assert.Contains("第 3 个回答", row.TurnsJson);
        Assert.Contains("practise", row.SummaryJson);
        Assert.Equal(4, await db.AiCalls.CountAsync(c => c.UserId == alice && (c.Operation == "FeynmanTurn" || c.Operation == "FeynmanSummary"), Ct));
    }

    [Fact]
    public async Task TheStudentMayCloseEarly_ButNotBeforeTheFirstQuestion_AndMustAnswerInTurn()
    {
        var id = await StartAsync(alice);
        await Assert.ThrowsAsync<FeynmanRefusedException>(() => feynman.SummarizeAsync(id, alice, Ct));
        Assert.NotNull(await feynman.AnswerAsync(id, alice, "an answer nobody asked for", Ct));

        await TurnAsync(id, alice);
        await Assert.ThrowsAsync<FeynmanRefusedException>(() => TurnAsync(id, alice));
        var done = await feynman.SummarizeAsync(id, alice, Ct);

        Assert.Equal((1, FeynmanStep.Done), (done.QuestionsAsked, done.Next));
    }

    [Fact]
    public async Task StudentsSeeAndChangeOnlyTheirOwnExercises()
    {
        var mine = await StartAsync(alice);
        clock.Now = clock.Now.AddMinutes(5);
        var second = await StartAsync(alice);
        var theirs = await StartAsync(bob);

        Assert.Equal([second, mine], (await feynman.ListAsync(alice, cancellationToken: Ct)).Select(s => s.Id));
        Assert.Equal([theirs], (await feynman.ListAsync(bob, cancellationToken: Ct)).Select(s => s.Id));
        Assert.Null(await feynman.GetAsync(theirs, alice, Ct));
        Assert.Equal("找不到这次练习。", await feynman.AnswerAsync(theirs, alice, "hi", Ct));
        await Assert.ThrowsAsync<FeynmanRefusedException>(() => TurnAsync(theirs, alice));
        await Assert.ThrowsAsync<FeynmanRefusedException>(() => feynman.SummarizeAsync(theirs, alice, Ct));
        Assert.Equal(0, (await feynman.GetAsync(theirs, bob, Ct))!.QuestionsAsked);
    }

    [Theory]
    [InlineData(FeynmanTopicKind.Grammar, "no-such-point", Explanation, "请先选择一个语法点。")]
    [InlineData(FeynmanTopicKind.Word, "notacet4wordatall", Explanation, "词表中找不到这个单词，请从搜索结果中选择。")]
    [InlineData(FeynmanTopicKind.Grammar, "passive", "太短了", "请先用自己的话写下你的解释（至少 10 个字）。")]
    public async Task Starting_WithAnUnknownTopicOrNoRealExplanation_IsRefusedWithAReason(FeynmanTopicKind kind, string key, string text, string reason)
    {
        var (id, error) = await feynman.StartAsync(alice, kind, key, text, Ct);

        Assert.Null(id);
        Assert.Equal(reason, error);
        Assert.Empty(await feynman.ListAsync(alice, cancellationToken: Ct));
    }

    [Fact]
    public async Task AnOverlongAnswer_IsRefused_AndNothingIsSaved()
    {
        var id = await StartAsync(alice);
        await TurnAsync(id, alice);

        Assert.Contains("内容太长了", await feynman.AnswerAsync(id, alice, new string('长', FeynmanService.MaxTextLength + 1), Ct));
        Assert.Equal(FeynmanStep.StudentAnswer, (await feynman.GetAsync(id, alice, Ct))!.Next);
    }

    [Fact]
    public async Task AWordTopic_UsesTheWordListsGlossesAndForms()
    {
        var (id, _) = await feynman.StartAsync(alice, FeynmanTopicKind.Word, "Abandon", "abandon 是放弃的意思，是一个动词。", Ct);
        var view = (await feynman.GetAsync(id!.Value, alice, Ct))!;
        var input = await topics.InputAsync(view.Topic, FeynmanService.Transcript(view), 1, Ct);

        Assert.Equal("abandon", view.Topic.Key);
        Assert.Contains("放弃", input.Reference);
        Assert.Contains("abandoned", input.ExampleWords);
        var check = OfflineFeynman.Inspect(input);
        Assert.Equal(["中文意思", "词性"], check.Covered.Select(c => c.Name));
        Assert.Equal(["词形变化"], check.Missing.Select(c => c.Name));
        Assert.False(check.HasExample);
        var turn = OfflineFeynman.Turn(input);
        Assert.Contains("· 还没有给出用这个词的英文例句", turn);
        Assert.Contains("· 没有提到“词形变化”", turn);
    }

    [Fact]
    public async Task WordSearch_FindsByBeginningOrByChineseMeaning()
    {
        Assert.Equal("abandon", (await topics.SearchWordsAsync("abandon", cancellationToken: Ct))[0].Headword);
        Assert.Contains(await topics.SearchWordsAsync("放弃", cancellationToken: Ct), h => h.Headword == "abandon");
        Assert.Empty(await topics.SearchWordsAsync("   ", cancellationToken: Ct));
        Assert.Empty(await topics.SearchWordsAsync("zzzzq", cancellationToken: Ct));
    }

    [Fact]
    public async Task TheFeynmanPrompts_CarryTheExchange_AndNothingAboutTheStudent()
    {
        await using (var db = database.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == alice).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, "王小红"), Ct);
        }
        var id = await StartAsync(alice);
        await TurnAsync(id, alice);
        await feynman.AnswerAsync(id, alice, "先行词在从句里不作成分。", Ct);
        var view = (await feynman.GetAsync(id, alice, Ct))!;
        var input = await topics.InputAsync(view.Topic, FeynmanService.Transcript(view), 2, Ct);

        var prompts = string.Join("\n", new FeynmanTurn().BuildPrompt(input).Concat(new FeynmanSummarize().BuildPrompt(input)).Select(m => m.Text));

        Assert.Contains(Explanation, prompts);
        Assert.Contains("先行词在从句里不作成分。", prompts);
        Assert.Contains("question 2 of at most 3", prompts);
        Assert.DoesNotContain(alice, prompts);
        Assert.DoesNotContain("alice", prompts, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("王小红", prompts);
    }

    private async Task<int> StartAsync(string student)
    {
        var (id, error) = await feynman.StartAsync(student, FeynmanTopicKind.Grammar, "relative-clauses", Explanation, Ct);
        Assert.Null(error);
        return id!.Value;
    }

    private async Task<string> TurnAsync(int id, string student)
    {
        var text = new System.Text.StringBuilder();
        await foreach (var e in feynman.TurnAsync(id, student, Ct))
        {
            if (e is AiStreamEvent.Delta d) text.Append(d.Text);
        }
        return text.ToString();
    }

    public ValueTask DisposeAsync()
    {
        database.Dispose();
        return ValueTask.CompletedTask;
    }
}
