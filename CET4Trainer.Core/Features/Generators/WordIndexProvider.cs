using CET4Trainer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.Generators;

// The word list changes only when the app is upgraded, so it is read once and kept.
public sealed class WordIndexProvider(IDbContextFactory<AppDbContext> contexts)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private WordIndex? index;

    public async Task<WordIndex> GetAsync(CancellationToken cancellationToken = default)
    {
        if (index is not null) return index;
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (index is null)
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                var words = await db.Words.AsNoTracking().Include(w => w.Examples).AsSplitQuery().ToListAsync(cancellationToken);
                index = new WordIndex(words);
            }
            return index;
        }
        finally
        {
            gate.Release();
        }
    }
}
