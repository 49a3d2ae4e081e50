using CET4Trainer.Core.Ai.Engine;
using CET4Trainer.Core.Ai.Recording;
using CET4Trainer.Core.Features.Generators;
using CET4Trainer.Core.Features.Grading;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;
using CET4Trainer.Core.Features.Review;
using CET4Trainer.Core.Features.Scoring;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Tests.TestSupport;

// The practice services wired over a test database and clock, as the app wires them.
public sealed class PracticeServices
{
    public PracticeServices(SqliteTestDatabase database, TimeProvider clock, GradingOptions? grading = null)
    {
        Words = new WordIndexProvider(database);
        Catalog = new ItemCatalog(database, new MemoryCache(new MemoryCacheOptions()));
        Starter = new SessionStarter(database, Words, new PaperAssembler(database), clock);
        var scoring = Options.Create(new ScoringOptions());
        var offline = new OfflineGrading(Words, scoring);
        Gateway = OfflineGateway.Create(database, clock);
        Essays = new EssayGrading(Gateway, new GradeWriting(offline, scoring), new GradeTranslation(offline), Options.Create(grading ?? new GradingOptions()),
            NullLogger<EssayGrading>.Instance);
        Practice = new PracticeService(database, Catalog, Essays, clock, Activity);
        Deck = new DeckService(database, Words, Catalog, clock);
    }

    public WordIndexProvider Words { get; }
    public ItemCatalog Catalog { get; }
    public SessionStarter Starter { get; }
    public AiGateway Gateway { get; }
    public EssayGrading Essays { get; }
    public PracticeService Practice { get; }
    public PracticeActivityHub Activity { get; } = new();
    public DeckService Deck { get; }

    public static async Task LoadBundledContentAsync(SqliteTestDatabase database)
    {
        var import = new ItemImportService(database);
        foreach (var (_, json) in StarterContentSeeder.Packs()) await import.ImportBundledAsync(json);
    }
}
