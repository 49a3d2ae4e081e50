using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Ai.Engine;
using CET4Trainer.Core.Ai.Recording;
using CET4Trainer.Core.Features.Explanations;
using CET4Trainer.Core.Features.Feynman;
using CET4Trainer.Core.Features.Generators;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;
using CET4Trainer.Core.Features.Vocabulary;
using CET4Trainer.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CET4Trainer.Tests.Features.Explanations;

// Explanations of the bundled items, with the word list loaded, through the real gateway (offline engine).
public sealed class ExplainAnswerTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase database = new();
    private WordIndexProvider words = default!;
    private ItemCatalog catalog = default!;
    private ExplainAnswer operation = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await new VocabularySeeder(database, NullLogger<VocabularySeeder>.Instance).SeedAsync(Ct);
        await PracticeServices.LoadBundledContentAsync(database);
        words = new WordIndexProvider(database);
        catalog = new ItemCatalog(database, new Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions()));
        operation = new ExplainAnswer(words);
    }

    [Fact]
    public async Task Offline_FirstExplanation_IsBuiltFromTheItemsOwnExplanations_AndSaysItIsOffline()
    {
        var item = await BundledAsync("cr-01");
        var question = item.Draft.Questions[0];

        var text = await operation.RunOfflineAsync(ExplainAnswerInput.From(item, 1, "A", ExplanationFollowUp.First), Ct);

        Assert.StartsWith(OfflineExplanation.Label, text);
        Assert.Contains($"你的答案：A) {question.Options[0]}", text);
        Assert.Contains($"正确答案：B) {question.Options[1]}", text);
        Assert.Contains(question.Explanation, text);
        Assert.Contains(item.Draft.Explanation, text);
        Assert.Contains("原文依据：“During the pause, a photograph of an unfamiliar face flashed briefly on the screen.”", text);
    }

    [Fact]
    public async Task Offline_FollowUps_UseTheWordList_AndEachSaysSomethingDifferent()
    {
        var item = await BundledAsync("bc-01");
        var question = item.Draft.Questions[0];
        Assert.Equal("L", question.Answer);
        Task<string> Explain(ExplanationFollowUp f) => operation.RunOfflineAsync(ExplainAnswerInput.From(item, 1, "H", f), Ct);

        var first = await Explain(ExplanationFollowUp.First);
        var example = await Explain(ExplanationFollowUp.AnotherExample);
        var simpler = await Explain(ExplanationFollowUp.Simpler);
        var chinese = await Explain(ExplanationFollowUp.InChinese);

        Assert.Contains("· 正确答案 sacrifice", first);
        Assert.Contains("· 你选的 increase", first);
        Assert.Contains("__(1)__", first);
        var sacrifice = (await words.GetAsync(Ct)).Find("sacrifice")!;
        Assert.Contains(sacrifice.Examples.Where(e => e.Source == ExampleSource.Tatoeba && e.Chinese is not null).OrderBy(e => e.English.Length).First().English, example);
        Assert.Contains("对比你选的“increase”", example);
        Assert.Contains("一句话：正确答案是 L（sacrificed），不是 H。", simpler);
        Assert.True(simpler.Length < first.Length);
        Assert.Contains(question.Explanation, chinese);
        Assert.Contains("“sacrifice”的意思是：牺牲", chinese);
        Assert.Equal(4, new[] { first, example, simpler, chinese }.Distinct().Count());
    }

    [Fact]
    public async Task Offline_AnotherExampleForReading_UsesTheKeyWordOfTheRightOption_AndThePassage()
    {
        var item = await BundledAsync("cr-01");

        var text = await operation.RunOfflineAsync(ExplainAnswerInput.From(item, 1, "A", ExplanationFollowUp.AnotherExample), Ct);

        // "A photograph of an unfamiliar face appeared briefly on the screen.": its rarest CET-4 word.
        var index = await words.GetAsync(Ct);
        var key = new[] { "photograph", "unfamiliar", "face", "appeared", "briefly", "screen" }.Select(index.Find).OfType<Word>()
            .OrderByDescending(w => w.FrequencyRank).First(w => w.Examples.Count > 0);
        Assert.Contains($"正确选项里的关键词是“{key.Headword}”", text);
        Assert.Contains("本题原文中的例子：“During the pause, a photograph of an unfamiliar face flashed briefly on the screen.”", text);
    }

    [Fact]
    public async Task Offline_Spelling_ShowsWhereTheSpellingGoesWrong()
    {
        var draft = SampleItems.Valid(ItemType.VocabSpelling);
        var item = new ItemView(1, 1, ItemType.VocabSpelling, draft, [1]);

        var text = await operation.RunOfflineAsync(ExplainAnswerInput.From(item, 1, "abandan", ExplanationFollowUp.First), Ct);

        Assert.Contains("你拼写的是 abandan，正确拼写是 abandon。", text);
        Assert.Contains("从第 6 个字母起不同：你写的是“an”，应为“on”。", text);
        Assert.Contains("· 正确答案 abandon", text);
    }

    [Fact]
    public async Task WritingAndTranslation_AreNotExplainedPerOption()
    {
        var writing = new ItemView(1, 1, ItemType.Writing, SampleItems.Valid(ItemType.Writing), [1]);

        Assert.Throws<ArgumentException>(() => ExplainAnswerInput.From(writing, 1, "A", ExplanationFollowUp.First));
        var choice = await BundledAsync("cr-01");
        Assert.Throws<ArgumentOutOfRangeException>(() => ExplainAnswerInput.From(choice, 99, "A", ExplanationFollowUp.First));
    }

    [Fact]
    public async Task ThePrompt_CarriesTheQuestionAndBothAnswers_AndNothingAboutTheStudent()
    {
        var student = await database.AddUserAsync("li.ming.2024@example.edu.cn");
        await using (var db = database.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == student.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, "李明同学"), Ct);
        }
        var item = await BundledAsync("cr-01");

        foreach (var followUp in Enum.GetValues<ExplanationFollowUp>())
        {
            var prompt = string.Join("\n", operation.BuildPrompt(ExplainAnswerInput.From(item, 1, "A", followUp)).Select(m => m.Text));
            Assert.Contains("Correct answer: B) A photograph of an unfamiliar face appeared briefly on the screen.", prompt);
            Assert.Contains("Student's answer: A) The volunteers rated how curious they were about each question.", prompt);
            Assert.Contains(ExplainAnswer.Instruction(followUp), prompt);
            Assert.DoesNotContain(student.Id, prompt);
            Assert.DoesNotContain("li.ming", prompt);
            Assert.DoesNotContain("李明", prompt);
        }
    }

    [Theory]
    [InlineData(typeof(ExplainAnswerInput))]
    [InlineData(typeof(AnswerOption))]
    [InlineData(typeof(FeynmanInput))]
    [InlineData(typeof(FeynmanLine))]
    [InlineData(typeof(FeynmanConcept))]
    public void PromptInputs_HaveNoPlaceForWhoTheStudentIs(Type input)
    {
        var names = input.GetProperties().Select(p => p.Name).ToList();
        Assert.DoesNotContain(names, n => n.EndsWith("Id", StringComparison.Ordinal) || n.Contains("User", StringComparison.Ordinal)
            || n.Contains("Email", StringComparison.Ordinal) || n == "DisplayName");
    }

    [Fact]
    public async Task TheService_StreamsTheOfflineExplanation_RecordsTheCallForTheStudent_AndDoesNotCacheIt()
    {
        var student = await database.AddUserAsync("s@example.edu.cn");
        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new AiMetrics(meters.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var memory = new ExplanationMemory(100_000);
        var stats = new ExplanationCacheStats(memory);
        var recorder = new AiCallRecorder(database, NullLogger<AiCallRecorder>.Instance);
        var cache = new ExplanationCache(database, memory, stats, metrics, TimeProvider.System, NullLogger<ExplanationCache>.Instance);
        var service = new ExplanationService(cache, OfflineGateway.Create(database, TimeProvider.System), operation, recorder, TimeProvider.System);
        var item = await BundledAsync("cr-01");

        for (var i = 0; i < 2; i++)
        {
            var events = new List<AiStreamEvent>();
            await foreach (var e in service.StreamAsync(item, 1, "a", ExplanationFollowUp.First, student.Id, Ct)) events.Add(e);
            Assert.Contains(item.Draft.Questions[0].Explanation, string.Concat(events.OfType<AiStreamEvent.Delta>().Select(d => d.Text)));
            var finished = Assert.IsType<AiStreamEvent.Finished>(events[^1]);
            Assert.Equal((AiEngines.Offline, false), (finished.Engine, finished.FromCache));
        }

        await using var db = database.CreateDbContext();
        var calls = await db.AiCalls.Where(c => c.Operation == "ExplainAnswer").ToListAsync(Ct);
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Equal((student.Id, AiEngines.Offline, true, 1), (c.UserId, c.Engine, c.Streamed, c.PromptVersion)));
        Assert.Equal(0, memory.Count);
        Assert.Equal(2, stats.Read().Misses);
    }

    [Fact]
    public async Task AfterATeacherEditsTheItem_TheExplanationFollowsTheNewVersion()
    {
        var admin = await database.AddUserAsync("admin@example.edu.cn");
        var bank = new ItemBankService(database, TimeProvider.System, [catalog]);
        var before = await BundledAsync("cr-01");
        var draft = before.Draft with { Questions = before.Draft.Questions.Select(q => q with { }).ToList() };
        draft.Questions[0].Explanation = "修改后的解析：答案在第一段最后一句。";

        var saved = await bank.UpdateAsync(before.Id, draft, new Viewer(admin.Id, IsAdmin: true), Ct);
        var after = (await catalog.GetAsync([before.Id], Ct))[before.Id];
        var text = await operation.RunOfflineAsync(ExplainAnswerInput.From(after, 1, "A", ExplanationFollowUp.First), Ct);

        Assert.True(saved.Succeeded);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.NotEqual(ExplanationKey.Of(before.Id, before.Version, 1, "A", ExplanationFollowUp.First, 1),
            ExplanationKey.Of(after.Id, after.Version, 1, "A", ExplanationFollowUp.First, 1));
        Assert.Contains("修改后的解析", text);
    }

    private async Task<ItemView> BundledAsync(string key)
    {
        await using var db = database.CreateDbContext();
        var id = await db.Items.Where(i => i.Key == key).Select(i => i.Id).SingleAsync(Ct);
        return (await catalog.GetAsync([id], Ct))[id];
    }

    public ValueTask DisposeAsync()
    {
        database.Dispose();
        return ValueTask.CompletedTask;
    }
}
