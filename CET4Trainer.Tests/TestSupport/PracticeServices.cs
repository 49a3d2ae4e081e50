using CET4Trainer.Core.Features.Generators;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;
using CET4Trainer.Core.Features.Review;
using CET4Trainer.Core.Features.Scoring;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Tests.TestSupport;

// The practice services wired over a test database and clock, as the app wires them.
public sealed class PracticeServices
{
    public PracticeServices(SqliteTestDatabase database, TimeProvider clock)
    {
        Words = new WordIndexProvider(database);
        Catalog = new ItemCatalog(database, new MemoryCache(new MemoryCacheOptions()));
        Starter = new SessionStarter(database, Words, new PaperAssembler(database), clock);
        Practice = new PracticeService(database, Catalog, new EssayGrading(Words, Options.Create(new ScoringOptions())), clock);
        Deck = new DeckService(database, Words, Catalog, clock);
    }

    public WordIndexProvider Words { get; }
    public ItemCatalog Catalog { get; }
    public SessionStarter Starter { get; }
    public PracticeService Practice { get; }
    public DeckService Deck { get; }

    public static async Task LoadBundledContentAsync(SqliteTestDatabase database)
    {
        var import = new ItemImportService(database);
        foreach (var (_, json) in StarterContentSeeder.Packs()) await import.ImportBundledAsync(json);
    }
}
