using System.Text;
using System.Text.RegularExpressions;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CET4Trainer.Tests.Web.Browser;

[Collection(BrowserCollection.Name)]
public sealed class QuestionBankFlowTests(BrowserApp browser)
{
    private const string Passage = SamplePassages.Notebook;

    private static readonly Viewer Admin = new("test-admin", IsAdmin: true);

    [Fact]
    public async Task Teacher_PastesAPassage_GetsABankedCloze_EditsOneWord_PreviewsAndPublishes()
    {
        var page = await browser.LoginAsync("teacher@cet4.local");
        await page.WaitForURLAsync(new Regex("/teacher$"));
        await BrowserApp.GotoInteractiveAsync(page, "/teacher/items/generate");

        await page.GetByTestId("cloze-source").FillAsync(Passage);
        await page.GetByTestId("cloze-generate").ClickAsync();
        await Assertions.Expect(page.GetByTestId("cloze-passage")).ToContainTextAsync("Many students now keep a small notebook");
        await Assertions.Expect(page.GetByTestId("word-bank")).ToContainTextAsync("O)");
        await page.GetByTestId("cloze-save").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/teacher/items/\d+$"));
        await BrowserApp.WaitInteractiveAsync(page);
        var id = int.Parse(page.Url.Split('/').Last());

        var bank = browser.App.Services.GetRequiredService<ItemBankService>();
        var (saved, meta) = (await bank.GetAsync(id, Admin, TestContext.Current.CancellationToken))!.Value;
        Assert.Equal(ItemSource.OfflineGenerator, meta.Source);
        Assert.Equal(ItemStatus.Draft, meta.Status);
        var used = saved.Questions.Select(q => q.Answer).ToHashSet();
        var distractor = Enumerable.Range(0, 15).First(i => !used.Contains(((char)('A' + i)).ToString()));

        await page.GetByTestId($"bank-{distractor}").FillAsync("harmless");
        await Assertions.Expect(page.GetByTestId("item-preview").GetByTestId("word-bank")).ToContainTextAsync("harmless");
        await page.GetByTestId("save-publish").ClickAsync();
        await Assertions.Expect(page.GetByTestId("item-status")).ToHaveTextAsync("已发布");

        var (published, after) = (await bank.GetAsync(id, Admin, TestContext.Current.CancellationToken))!.Value;
        Assert.Equal(ItemStatus.Published, after.Status);
        Assert.Equal("harmless", published.WordBank[distractor]);
        Assert.Equal(2, after.Version);
        Assert.Empty(ItemShapeRules.Validate(published));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Teacher_ImportsJsonWithOneBrokenItem_SeesThatItemReported_AndNothingIsImported()
    {
        var good = SampleItems.Valid(ItemType.CarefulReading).Clone() with { Key = "import-good", Title = "Import good one" };
        var broken = SampleItems.Valid(ItemType.BankedCloze).Clone() with { Key = "import-broken", Title = "Import broken one" };
        broken.WordBank.RemoveAt(3);
        var page = await browser.LoginAsync("teacher@cet4.local");
        await page.WaitForURLAsync(new Regex("/teacher$"));
        await BrowserApp.GotoInteractiveAsync(page, "/teacher/items/import");

        // InputFile wires its change listener in its first after-render; on a loaded machine that can come
        // after the page is interactive, so the first file may go unnoticed: offer it again until it is read.
        var brokenFile = new FilePayload { Name = "items.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(ItemPack.Write([good, broken])) };
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await page.GetByTestId("import-file").SetInputFilesAsync(brokenFile);
            try
            {
                await page.GetByTestId("import-failed").WaitForAsync(new() { Timeout = 3_000 });
                break;
            }
            catch (TimeoutException)
            {
            }
        }
        await Assertions.Expect(page.GetByTestId("import-failed")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("import-problems")).ToContainTextAsync("第 2 个题目（import-broken）");
        await Assertions.Expect(page.GetByTestId("import-problems")).ToContainTextAsync("15 个词");
        var bank = browser.App.Services.GetRequiredService<ItemBankService>();
        var found = await bank.QueryAsync(new ItemQuery { Text = "import good one" }, Admin, TestContext.Current.CancellationToken);
        Assert.Equal(0, found.Total);

        // The same file with the broken item fixed goes in whole.
        broken.WordBank.Insert(3, "dear");
        await page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload
        {
            Name = "items-fixed.json",
            MimeType = "application/json",
            Buffer = Encoding.UTF8.GetBytes(ItemPack.Write([good, broken])),
        });
        await Assertions.Expect(page.GetByTestId("import-ok")).ToContainTextAsync("导入 2 道");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Student_CannotOpenTheQuestionBank()
    {
        var page = await browser.LoginAsync("student@cet4.local");
        await page.WaitForURLAsync(new Regex("/student$"));

        await page.GotoAsync("/teacher/items");

        Assert.Contains("/Account/AccessDenied", page.Url);
        var export = await page.APIRequest.GetAsync("/teacher/items/export?format=json", new() { MaxRedirects = 0 });
        Assert.Equal(302, export.Status);
        Assert.Contains("/Account/AccessDenied", export.Headers["location"]);
        await page.Context.CloseAsync();
    }
}
