using CET4Trainer.Core.Features.Vocabulary;
using CET4Trainer.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CET4Trainer.Tests.Features.Vocabulary;

public sealed class VocabularyDataTests
{
    [Fact]
    public void BundledData_Has3848WordsWithPhoneticsGlossesRanksFormsAndExamples()
    {
        var words = VocabularyData.Load();

        Assert.Equal(3848, words.Count);
        var abandon = words.Single(w => w.Headword == "abandon");
        Assert.Equal("əˈbændən", abandon.Phonetic);
        Assert.Contains("放弃", abandon.TranslationZh);
        Assert.Equal(2182, abandon.FrqRank);
        Assert.Contains("abandoned", abandon.Forms);
        Assert.Contains(abandon.Examples, e => e.Source == ExampleSource.Tatoeba && e.Attribution!.Contains("tatoeba.org"));
        Assert.Contains(abandon.Examples, e => e.Source == ExampleSource.WordNet);
        Assert.True(words.Sum(w => w.Examples.Count) > 12_000);
    }

    [Fact]
    public void Licence_CarriesEveryAttribution()
    {
        var licence = VocabularyData.License();

        Assert.Contains("ECDICT", licence);
        Assert.Contains("WordNet 3.0 Copyright 2006 by Princeton University", licence);
        Assert.Contains("CC BY 2.0 FR", licence);
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "LICENSE-DATA.txt")), "The data licence ships as a file beside the binaries.");
    }

    [Fact]
    public async Task NewDatabase_HoldsTheWordsAndTheStarterContent()
    {
        await using var app = new Cet4AppFactory();
        app.CreateClient();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CET4Trainer.Core.Data.AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);

        Assert.True(await db.Words.CountAsync(TestContext.Current.CancellationToken) >= 3800);
        Assert.True(await db.Items.CountAsync(TestContext.Current.CancellationToken) >= 56);
        var paper = await app.Services.GetRequiredService<CET4Trainer.Core.Features.Items.PaperAssembler>().AssembleAsync(1, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(57, paper!.QuestionCount);
    }
}
