using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Features.Grading;
using CET4Trainer.Core.Features.Scoring;
using CET4Trainer.Core.Features.Vocabulary;
using CET4Trainer.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Tests.Features.Grading;

// One migrated SQLite file with the vocabulary and bundled items, shared by a test class.
public sealed class GradingFixture : IAsyncLifetime
{
    public SqliteTestDatabase Database { get; } = new();

    public FixedClock Clock { get; } = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));

    public PracticeServices Services { get; private set; } = default!;

    public GradeWriting Writing(ScoringOptions? scoring = null)
    {
        var options = Options.Create(scoring ?? new ScoringOptions());
        return new GradeWriting(new OfflineGrading(Services.Words, options), options);
    }

    public GradeTranslation Translation() => new(new OfflineGrading(Services.Words, Options.Create(new ScoringOptions())));

    // A result as a provider would hand it back through the gateway.
    public static AiResult<GradingAnswer> FromProvider(GradingAnswer answer) =>
        new(answer, "fake-provider", "fake-model-1", 1, new AiUsage(900, 300, 0.002m), 0, []);

    public async ValueTask InitializeAsync()
    {
        await using (var db = Database.CreateDbContext())
        {
            db.Words.AddRange(VocabularyData.Load());
            await db.SaveChangesAsync();
        }
        await PracticeServices.LoadBundledContentAsync(Database);
        Services = new PracticeServices(Database, Clock);
    }

    public ValueTask DisposeAsync()
    {
        Database.Dispose();
        return ValueTask.CompletedTask;
    }
}
