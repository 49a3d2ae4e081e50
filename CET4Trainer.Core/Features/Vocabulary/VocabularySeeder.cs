using CET4Trainer.Core.Data;
using CET4Trainer.Core.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CET4Trainer.Core.Features.Vocabulary;

// Loads the CET-4 word list on first start (an empty Words table); later starts find it there.
internal sealed class VocabularySeeder(IDbContextFactory<AppDbContext> contexts, ILogger<VocabularySeeder> logger) : ISeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Words.AnyAsync(cancellationToken))
        {
            return;
        }
        var words = VocabularyData.Load();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Words.AddRange(words);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Loaded {Words} CET-4 words with {Examples} example sentences", words.Count, words.Sum(w => w.Examples.Count));
    }
}
