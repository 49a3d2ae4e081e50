using System.Collections.Concurrent;
using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Accounts;
using CET4Trainer.Core.Features.AiTasks;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.QuestionGeneration;
using CET4Trainer.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Scenario tests calling services in sequence with their default tokens.
#pragma warning disable xUnit1051

namespace CET4Trainer.Tests.Features.QuestionGeneration;

// Generation tasks end to end in the app host: real Quartz trigger, real runner, real handler, offline engine.
public sealed class GenerateQuestionsTaskTests(Cet4AppFactory app) : IClassFixture<Cet4AppFactory>
{
    private IServiceProvider Services => app.Services;

    private async Task<Viewer> TeacherAsync() => new((await AppTasks.CreateUserAsync(Services, Roles.Teacher)).Id, false);

    private async Task<List<Item>> ItemsOfAsync(string ownerId)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Items.AsNoTracking().Include(i => i.Tags).Include(i => i.Questions).Where(i => i.OwnerId == ownerId).ToListAsync();
    }

    [Fact]
    public async Task VocabularyBatch_Offline_MakesExactlyThatManyLabelledDrafts_EachCommittedAndPublishedOnItsOwn()
    {
        var teacher = await TeacherAsync();
        var generation = Services.GetRequiredService<QuestionGenerationService>();
        var seen = new ConcurrentQueue<int>();
        // The teacher is new: every change published for them is this task's.
        using var subscription = Services.GetRequiredService<AiTaskHub>().SubscribeOwner(teacher.UserId, s => seen.Enqueue(s.Done));

        var started = await generation.StartAsync(new GenerationRequest(ItemType.VocabMeaningToWord, "Campus Life", 2, 6, []), teacher);
        Assert.Empty(started.Errors);
        var final = await AppTasks.WaitFinalAsync(Services, started.TaskId!.Value, teacher);

        Assert.Equal(AiTaskStatus.Succeeded, final.Status);
        Assert.Equal((6, 6), (final.Done, final.Total));
        Assert.Equal(AiEngines.Offline, final.Engine);
        var items = await ItemsOfAsync(teacher.UserId);
        Assert.Equal(6, items.Count);
        Assert.All(items, i =>
        {
            Assert.Equal((ItemStatus.Draft, ItemSource.OfflineGenerator, ItemType.VocabMeaningToWord), (i.Status, i.Source, i.Type));
            Assert.Contains(i.Tags, t => t.Tag == "campus life");
            Assert.Empty(ItemShapeRules.Validate(ItemMapper.ToDraft(i)));
        });
        Assert.Equal(6, items.Select(i => i.Title).Distinct().Count());
        var queue = await Services.GetRequiredService<ItemBankService>().QueryAsync(
            new ItemQuery { Status = ItemStatus.Draft, GeneratedOnly = true, MineOnly = true, PageSize = 50 }, teacher);
        Assert.Equal(items.Select(i => i.Id).Order(), queue.Rows.Select(r => r.Id).Order());
        Assert.All(queue.Rows, r => Assert.Equal(ItemSource.OfflineGenerator, r.Source));

        var units = await generation.ResultsAsync(final.Id, teacher);
        Assert.Equal([1, 2, 3, 4, 5, 6], units.Select(u => u.Number));
        Assert.Equal(items.Select(i => i.Id).Order(), units.Select(u => u.ItemId!.Value).Order());
        // Every unit was its own commit and its own published change: each count from 1 to 6 was seen, in order.
        var counts = seen.Where(c => c > 0).ToList();
        Assert.Equal([1, 2, 3, 4, 5, 6], counts.Distinct());
        Assert.Equal(counts.Order(), counts);
    }

    [Fact]
    public async Task UnsupportedTypeOffline_IsDiscardedItemByItem_WithTheReasonKept()
    {
        var teacher = await TeacherAsync();
        var generation = Services.GetRequiredService<QuestionGenerationService>();

        var started = await generation.StartAsync(new GenerationRequest(ItemType.Writing, "environment", 3, 2, []), teacher);
        var final = await AppTasks.WaitFinalAsync(Services, started.TaskId!.Value, teacher);

        Assert.Equal(AiTaskStatus.Succeeded, final.Status);
        Assert.Equal(2, final.Done);
        Assert.Empty(await ItemsOfAsync(teacher.UserId));
        var units = await generation.ResultsAsync(final.Id, teacher);
        Assert.Equal(2, units.Count);
        Assert.All(units, u =>
        {
            Assert.Null(u.ItemId);
            Assert.Equal("离线引擎不能生成该题型（写作），请配置 AI 服务。", u.Discarded);
        });
    }

    [Fact]
    public async Task BankedClozeOffline_UsesABundledPassageOnTheTopic_OrTheReferencesPassage_OrSaysWhyNot()
    {
        var teacher = await TeacherAsync();
        var generation = Services.GetRequiredService<QuestionGenerationService>();

        var onTopic = await generation.StartAsync(new GenerationRequest(ItemType.BankedCloze, "环境", 3, 2, []), teacher);
        await AppTasks.WaitFinalAsync(Services, onTopic.TaskId!.Value, teacher);
        var fromBundle = await ItemsOfAsync(teacher.UserId);
        Assert.Equal(2, fromBundle.Count);
        Assert.All(fromBundle, i => Assert.Equal(ItemType.BankedCloze, i.Type));

        int referenceId;
        string referenceStart;
        await using (var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var reference = await db.Items.AsNoTracking().Where(i => i.Type == ItemType.CarefulReading && i.Source == ItemSource.Bundled).OrderBy(i => i.Id).FirstAsync();
            (referenceId, referenceStart) = (reference.Id, string.Join(' ', TextMeasures.Words(reference.Content.Passage).Take(5)));
        }
        var fromReference = await generation.StartAsync(new GenerationRequest(ItemType.BankedCloze, "zzqx", 3, 1, [referenceId]), teacher);
        var referenceTask = await AppTasks.WaitFinalAsync(Services, fromReference.TaskId!.Value, teacher);
        var made = Assert.Single(await generation.ResultsAsync(referenceTask.Id, teacher));
        var item = (await ItemsOfAsync(teacher.UserId)).Single(i => i.Id == made.ItemId);
        Assert.StartsWith(referenceStart, string.Join(' ', TextMeasures.Words(item.Content.Passage).Take(5)));

        var nothing = await generation.StartAsync(new GenerationRequest(ItemType.BankedCloze, "zzqx", 3, 1, []), teacher);
        var nothingTask = await AppTasks.WaitFinalAsync(Services, nothing.TaskId!.Value, teacher);
        Assert.Contains("没有与话题“zzqx”相符的内置文章", Assert.Single(await generation.ResultsAsync(nothingTask.Id, teacher)).Discarded);
    }

    [Fact]
    public async Task Start_RefusesBadInput_FieldByFieldInChinese_AndOthersItemsAsReferences()
    {
        var teacher = await TeacherAsync();
        var other = await TeacherAsync();
        var generation = Services.GetRequiredService<QuestionGenerationService>();
        var good = new GenerationRequest(ItemType.VocabWordToMeaning, "travel", 3, 5, []);

        Assert.Equal("count", Assert.Single((await generation.StartAsync(good with { Count = 0 }, teacher)).Errors).Field);
        Assert.Equal("一次可以生成 1-20 道题。", Assert.Single((await generation.StartAsync(good with { Count = 21 }, teacher)).Errors).Message);
        Assert.Equal("topic", Assert.Single((await generation.StartAsync(good with { Topic = "  " }, teacher)).Errors).Field);
        Assert.Equal("topic", Assert.Single((await generation.StartAsync(good with { Topic = new string('a', 31) }, teacher)).Errors).Field);
        Assert.Equal("difficulty", Assert.Single((await generation.StartAsync(good with { Difficulty = 6 }, teacher)).Errors).Field);
        Assert.Equal("references", Assert.Single((await generation.StartAsync(good with { ReferenceItemIds = [1, 2, 3, 4] }, teacher)).Errors).Field);

        var theirs = await Services.GetRequiredService<ItemBankService>().CreateAsync(SampleItems.Valid(ItemType.CarefulReading).Clone(), other);
        var refused = await generation.StartAsync(good with { ReferenceItemIds = [theirs.Id!.Value] }, teacher);
        Assert.Null(refused.TaskId);
        Assert.Equal("references", Assert.Single(refused.Errors).Field);
        Assert.Empty(await Services.GetRequiredService<AiTaskService>().ListAsync(teacher, AiTaskKind.GenerateQuestions));
    }
}
