using System.Text;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Tests.Features.Items;

public sealed class ItemImportTests : IDisposable
{
    private readonly SqliteTestDatabase database = new();
    private readonly Viewer teacher = new("teacher-1", IsAdmin: false);

    private ItemImportService Import => new(database);

    private ItemBankService Bank => new(database, TimeProvider.System);

    [Fact]
    public async Task Json_RoundTrip_KeepsEveryFieldOfEveryType()
    {
        var drafts = Enum.GetValues<ItemType>().Select(t => SampleItems.Valid(t).Clone() with { Key = $"k-{t}" }).ToList();
        var first = await Import.ImportJsonAsync(ItemPack.Write(drafts), teacher, TestContext.Current.CancellationToken);
        Assert.True(first.Succeeded, string.Join("; ", first.Problems));

        var exported = ItemPack.Write(await Bank.ExportAsync(new ItemQuery { Sort = ItemSort.TypeAsc }, teacher, TestContext.Current.CancellationToken));
        using var other = new SqliteTestDatabase();
        var second = await new ItemImportService(other).ImportJsonAsync(exported, teacher, TestContext.Current.CancellationToken);
        Assert.True(second.Succeeded, string.Join("; ", second.Problems));
        var again = ItemPack.Write(await new ItemBankService(other, TimeProvider.System).ExportAsync(new ItemQuery { Sort = ItemSort.TypeAsc }, teacher, TestContext.Current.CancellationToken));

        Assert.Equal(exported, again);
        Assert.Equal(drafts.Count, second.Imported);
        foreach (var draft in drafts)
        {
            Assert.Contains($"\"key\": \"k-{draft.Type}\"", again);
        }
        Assert.Contains(SampleItems.Chinese(150), again);
    }

    [Fact]
    public async Task Json_WithOneBrokenItem_ReportsThatItemAndImportsNothing()
    {
        var good = SampleItems.Valid(ItemType.CarefulReading).Clone() with { Key = "good-1" };
        var broken = SampleItems.Valid(ItemType.BankedCloze).Clone() with { Key = "broken-1" };
        broken.WordBank.RemoveAt(0);
        var also = SampleItems.Valid(ItemType.Writing).Clone();

        var result = await Import.ImportJsonAsync(ItemPack.Write([good, broken, also]), teacher, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal(0, result.Imported);
        Assert.All(result.Problems, p => Assert.Equal("第 2 个题目（broken-1）", p.Where));
        Assert.Contains(result.Problems, p => p.Message.Contains("15 个词"));
        await using var db = database.CreateDbContext();
        Assert.Equal(0, await db.Items.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("{ not json", "不是有效的 JSON")]
    [InlineData("{\"format\":\"something-else\",\"version\":1,\"items\":[]}", "文件格式不对")]
    [InlineData("{\"format\":\"cet4trainer.items\",\"version\":2,\"items\":[]}", "不支持的版本 2")]
    [InlineData("{\"format\":\"cet4trainer.items\",\"version\":1,\"items\":[]}", "没有题目")]
    [InlineData("{\"format\":\"cet4trainer.items\",\"version\":1,\"items\":[{\"type\":\"Writing\"},{\"type\":\"Poetry\"}]}", "第 2 个题目")]
    public async Task Json_ThatIsNotAPack_IsRefusedWithAReason(string json, string reason)
    {
        var result = await Import.ImportJsonAsync(json, teacher, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.ToString().Contains(reason));
    }

    [Fact]
    public async Task Json_DuplicateOrTakenKeys_AreReported()
    {
        var a = SampleItems.Valid(ItemType.Writing).Clone() with { Key = "same" };
        var b = SampleItems.Valid(ItemType.Writing).Clone() with { Key = "same" };
        var duplicate = await Import.ImportJsonAsync(ItemPack.Write([a, b]), teacher, TestContext.Current.CancellationToken);
        Assert.Contains(duplicate.Problems, p => p.Message.Contains("key 都是“same”"));

        Assert.True((await Import.ImportJsonAsync(ItemPack.Write([a]), teacher, TestContext.Current.CancellationToken)).Succeeded);
        var taken = await Import.ImportJsonAsync(ItemPack.Write([b]), teacher, TestContext.Current.CancellationToken);
        Assert.Contains(taken.Problems, p => p.Message.Contains("已有 key"));
    }

    [Fact]
    public async Task Csv_GoodFile_ImportsDraftsOwnedByTheTeacher()
    {
        var csv = "type,title,topics,difficulty,stem,a,b,c,d,answer,explanation\n" +
                  "VocabMeaningToWord,放弃,vocabulary;verbs,2,选出“放弃”对应的单词,abandon,absorb,abuse,accent,A,abandon 意为放弃\n" +
                  "VocabSentenceCompletion,\"Completion, with comma\",vocabulary,3,\"He said \"\"no\"\" and ______ the plan.\",dropped,drew,dressed,drove,a,drop the plan 放弃计划\n";

        var result = await Import.ImportCsvAsync(csv, teacher, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(2, result.Imported);
        var page = await Bank.QueryAsync(new ItemQuery { Text = "completion, with" }, teacher, TestContext.Current.CancellationToken);
        var row = Assert.Single(page.Rows);
        Assert.Equal(ItemStatus.Draft, row.Status);
        Assert.True(row.Mine);
    }

    [Fact]
    public async Task Csv_BadRows_AreReportedByLine_AndNothingIsImported()
    {
        var csv = "type,title,topics,difficulty,stem,a,b,c,d,answer,explanation\n" +
                  "VocabMeaningToWord,ok,vocabulary,2,stem,w,x,y,z,B,解析\n" +
                  "VocabMeaningToWord,\"multi\nline title\",vocabulary,2,stem,w,x,y,z,E,解析\n" +
                  "CarefulReading,not csv,reading,3,stem,w,x,y,z,A,解析\n" +
                  "VocabWordForm,few columns,vocabulary,3\n" +
                  "VocabWordToMeaning,hard,vocabulary,nine,stem,w,x,y,z,A,解析\n";

        var result = await Import.ImportCsvAsync(csv, teacher, TestContext.Current.CancellationToken);

        Assert.Equal(0, result.Imported);
        Assert.Contains(result.Problems, p => p.Where == "第 3 行" && p.Message.Contains("A、B、C、D"));
        Assert.Contains(result.Problems, p => p.Where == "第 5 行" && p.Message.Contains("JSON"));
        Assert.Contains(result.Problems, p => p.Where == "第 6 行" && p.Message.Contains("列"));
        Assert.Contains(result.Problems, p => p.Where == "第 7 行" && p.Message.Contains("难度"));
        Assert.DoesNotContain(result.Problems, p => p.Where == "第 2 行");
        await using var db = database.CreateDbContext();
        Assert.Equal(0, await db.Items.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Csv_WrongHeader_IsRefused()
    {
        var result = await Import.ImportCsvAsync("question,answer\nx,y\n", teacher, TestContext.Current.CancellationToken);

        Assert.Contains(result.Problems, p => p.Where == "第 1 行" && p.Message.Contains("表头"));
    }

    [Fact]
    public async Task Csv_Export_StartsWithBom_AndImportsBackUnchanged()
    {
        var drafts = ItemCsv.Types.Select(t => SampleItems.Valid(t).Clone() with { Title = $"中文标题, {t}" }).ToList();
        var bytes = ItemCsv.Write(drafts);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var (read, problems) = ItemCsv.Read(Encoding.UTF8.GetString(bytes));
        Assert.Empty(problems);
        Assert.Equal(drafts.Select(d => d.Title), read.Select(r => r.Draft.Title));
        Assert.Equal(drafts.Select(d => d.Questions[0].Options[2]), read.Select(r => r.Draft.Questions[0].Options[2]));
    }

    public void Dispose() => database.Dispose();
}
