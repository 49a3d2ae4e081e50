using CET4Trainer.Core.Features.Items;
using CET4Trainer.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Tests.Features.Items;

public sealed class StarterContentTests
{
    private static List<ItemDraft> Bundled() =>
        StarterContentSeeder.Packs().SelectMany(p => ItemPack.Read(p.Json).Pack!.Items).ToList();

    [Fact]
    public void EveryBundledItem_PassesTheShapeRules()
    {
        var problems = Bundled().SelectMany(d => ItemShapeRules.Validate(d).Select(e => $"{d.Key}: {e}")).ToList();

        Assert.Empty(problems);
    }

    [Fact]
    public void BundledContent_MeetsTheMinimumCounts_WithUniqueKeys()
    {
        var items = Bundled();
        int Count(ItemType t) => items.Count(i => i.Type == t);

        Assert.True(Count(ItemType.BankedCloze) >= 4);
        Assert.True(Count(ItemType.LongReadingMatching) >= 4);
        Assert.True(Count(ItemType.CarefulReading) >= 8);
        Assert.True(Count(ItemType.ListeningNews) + Count(ItemType.ListeningConversation) + Count(ItemType.ListeningPassage) >= 8);
        Assert.True(Count(ItemType.Writing) >= 12);
        Assert.True(Count(ItemType.Translation) >= 12);
        Assert.Equal(items.Count, items.Select(i => i.Key).Distinct().Count());
    }

    [Fact]
    public async Task TwoComplete57ItemPapers_WithoutSharedItems_CanBeAssembledFromPublishedBundledItems()
    {
        using var database = new SqliteTestDatabase();
        var import = new ItemImportService(database);
        foreach (var (_, json) in StarterContentSeeder.Packs())
        {
            Assert.True((await import.ImportBundledAsync(json, TestContext.Current.CancellationToken)).Succeeded);
        }
        var assembler = new PaperAssembler(database);

        var first = await assembler.AssembleAsync(seed: 1, cancellationToken: TestContext.Current.CancellationToken);
        var used = first!.Parts.SelectMany(p => p.ItemIds).ToHashSet();
        var second = await assembler.AssembleAsync(seed: 2, used, TestContext.Current.CancellationToken);

        Assert.Equal(PaperAssembler.QuestionsInPaper, first.QuestionCount);
        Assert.NotNull(second);
        Assert.Equal(PaperAssembler.QuestionsInPaper, second.QuestionCount);
        Assert.Empty(second.Parts.SelectMany(p => p.ItemIds).Intersect(used));
        Assert.Equal([30, 25, 40, 30], first.Parts.Select(p => p.Minutes));
        await using var db = database.CreateDbContext();
        Assert.All(await db.Items.ToListAsync(TestContext.Current.CancellationToken), i =>
        {
            Assert.Equal(ItemSource.Bundled, i.Source);
            Assert.Equal(ItemStatus.Published, i.Status);
            Assert.Null(i.OwnerId);
        });
    }

    [Fact]
    public async Task SeedingTwice_AddsNothingTheSecondTime()
    {
        using var database = new SqliteTestDatabase();
        var import = new ItemImportService(database);
        var (_, json) = StarterContentSeeder.Packs().First();

        var first = await import.ImportBundledAsync(json, TestContext.Current.CancellationToken);
        var second = await import.ImportBundledAsync(json, TestContext.Current.CancellationToken);

        Assert.True(first.Imported > 0);
        Assert.Equal(0, second.Imported);
    }
}
