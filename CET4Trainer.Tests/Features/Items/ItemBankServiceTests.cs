using CET4Trainer.Core.Features.Items;
using CET4Trainer.Tests.TestSupport;

namespace CET4Trainer.Tests.Features.Items;

public sealed class ItemBankServiceTests : IDisposable
{
    private readonly SqliteTestDatabase database = new();
    private readonly Viewer alice = new("alice", IsAdmin: false);
    private readonly Viewer bob = new("bob", IsAdmin: false);
    private readonly Viewer admin = new("root", IsAdmin: true);

    private ItemBankService Bank => new(database, TimeProvider.System);

    private async Task<int> CreateAsync(Viewer owner, ItemType type, string title, int difficulty = 3, params string[] topics)
    {
        var draft = SampleItems.Valid(type).Clone() with { Title = title, Difficulty = difficulty, Topics = [.. topics] };
        var saved = await Bank.CreateAsync(draft, owner, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors));
        return saved.Id!.Value;
    }

    [Fact]
    public async Task Teacher_SeesBundledAndOwnItems_NotAnotherTeachers()
    {
        var bundled = SampleItems.Valid(ItemType.Writing).Clone() with { Key = "bundled-1", Title = "Bundled essay" };
        await new ItemImportService(database).ImportBundledAsync(ItemPack.Write([bundled]), TestContext.Current.CancellationToken);
        var mine = await CreateAsync(alice, ItemType.CarefulReading, "Alice reading");
        var theirs = await CreateAsync(bob, ItemType.CarefulReading, "Bob reading");

        var seen = (await Bank.QueryAsync(new ItemQuery(), alice, TestContext.Current.CancellationToken)).Rows.Select(r => r.Title).ToList();
        var all = (await Bank.QueryAsync(new ItemQuery(), admin, TestContext.Current.CancellationToken)).Rows.Select(r => r.Title).ToList();

        Assert.Equal(["Alice reading", "Bundled essay"], seen.Order());
        Assert.Equal(3, all.Count);
        Assert.Null(await Bank.GetAsync(theirs, alice, TestContext.Current.CancellationToken));
        Assert.NotNull(await Bank.GetAsync(mine, alice, TestContext.Current.CancellationToken));
        Assert.NotNull(await Bank.GetAsync(theirs, admin, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Update_ByOwner_SavesANewVersion_ByOthersIsRefused()
    {
        var id = await CreateAsync(alice, ItemType.CarefulReading, "Version one");
        var (draft, _) = (await Bank.GetAsync(id, alice, TestContext.Current.CancellationToken))!.Value;
        draft.Title = "Version two";
        draft.Questions[0].Options[0] = "changed option";

        var byBob = await Bank.UpdateAsync(id, draft, bob, TestContext.Current.CancellationToken);
        var byAlice = await Bank.UpdateAsync(id, draft, alice, TestContext.Current.CancellationToken);

        Assert.False(byBob.Succeeded);
        Assert.True(byAlice.Succeeded);
        var (saved, meta) = (await Bank.GetAsync(id, alice, TestContext.Current.CancellationToken))!.Value;
        Assert.Equal("Version two", saved.Title);
        Assert.Equal("changed option", saved.Questions[0].Options[0]);
        Assert.Equal(2, meta.Version);
    }

    [Fact]
    public async Task Update_ThatBreaksAShapeRule_IsRefusedAndChangesNothing()
    {
        var id = await CreateAsync(alice, ItemType.CarefulReading, "Keep me");
        var (draft, _) = (await Bank.GetAsync(id, alice, TestContext.Current.CancellationToken))!.Value;
        draft.Title = "Broken";
        draft.Questions.RemoveAt(0);

        var result = await Bank.UpdateAsync(id, draft, alice, TestContext.Current.CancellationToken);

        Assert.Contains(result.Errors, e => e.Field == "questions");
        var (saved, meta) = (await Bank.GetAsync(id, alice, TestContext.Current.CancellationToken))!.Value;
        Assert.Equal("Keep me", saved.Title);
        Assert.Equal(1, meta.Version);
    }

    [Fact]
    public async Task BundledItems_CanBeChangedByAdminsOnly()
    {
        var bundled = SampleItems.Valid(ItemType.Writing).Clone() with { Key = "bundled-2" };
        await new ItemImportService(database).ImportBundledAsync(ItemPack.Write([bundled]), TestContext.Current.CancellationToken);
        var id = (await Bank.QueryAsync(new ItemQuery(), admin, TestContext.Current.CancellationToken)).Rows.Single().Id;

        var teacher = await Bank.SetStatusAsync([id], ItemStatus.Archived, alice, TestContext.Current.CancellationToken);
        var byAdmin = await Bank.SetStatusAsync([id], ItemStatus.Archived, admin, TestContext.Current.CancellationToken);

        Assert.Equal(new BulkResult(0, 1), teacher);
        Assert.Equal(new BulkResult(1, 0), byAdmin);
    }

    [Fact]
    public async Task Filters_Sort_AndPaging_WorkTogether()
    {
        for (var i = 0; i < 12; i++)
        {
            await CreateAsync(alice, i % 2 == 0 ? ItemType.CarefulReading : ItemType.ListeningNews, $"Item {i:00}", difficulty: i % 5 + 1, topics: i % 3 == 0 ? "health" : "campus");
        }

        var health = await Bank.QueryAsync(new ItemQuery { Tag = "Health", Sort = ItemSort.TitleAsc }, alice, TestContext.Current.CancellationToken);
        var listening = await Bank.QueryAsync(new ItemQuery { Section = Section.Listening, Difficulty = 2 }, alice, TestContext.Current.CancellationToken);
        var page2 = await Bank.QueryAsync(new ItemQuery { Sort = ItemSort.TitleAsc, Page = 1, PageSize = 5 }, alice, TestContext.Current.CancellationToken);
        var search = await Bank.QueryAsync(new ItemQuery { Text = "ITEM 07" }, alice, TestContext.Current.CancellationToken);
        var drafts = await Bank.QueryAsync(new ItemQuery { Status = ItemStatus.Draft, Source = ItemSource.Teacher }, alice, TestContext.Current.CancellationToken);

        Assert.Equal(["Item 00", "Item 03", "Item 06", "Item 09"], health.Rows.Select(r => r.Title));
        Assert.Equal(["Item 01", "Item 11"], listening.Rows.Select(r => r.Title).Order());
        Assert.Equal(12, page2.Total);
        Assert.Equal(["Item 05", "Item 06", "Item 07", "Item 08", "Item 09"], page2.Rows.Select(r => r.Title));
        Assert.Equal("Item 07", Assert.Single(search.Rows).Title);
        Assert.Equal(12, drafts.Total);
    }

    [Fact]
    public async Task BulkPublishAndTag_ChangeOnlyWhatTheTeacherOwns()
    {
        var mine = await CreateAsync(alice, ItemType.Writing, "Mine");
        var theirs = await CreateAsync(bob, ItemType.Writing, "Theirs");

        var published = await Bank.SetStatusAsync([mine, theirs], ItemStatus.Published, alice, TestContext.Current.CancellationToken);
        var tagged = await Bank.AddTagAsync([mine, theirs], " Week-3 ", alice, TestContext.Current.CancellationToken);

        Assert.Equal(new BulkResult(1, 1), published);
        Assert.Equal(new BulkResult(1, 1), tagged);
        var rows = (await Bank.QueryAsync(new ItemQuery { Tag = "week-3" }, admin, TestContext.Current.CancellationToken)).Rows;
        var row = Assert.Single(rows);
        Assert.Equal("Mine", row.Title);
        Assert.Equal(ItemStatus.Published, row.Status);
        Assert.Contains("week-3", await Bank.TagsAsync(alice, TestContext.Current.CancellationToken));
    }

    public void Dispose() => database.Dispose();
}
