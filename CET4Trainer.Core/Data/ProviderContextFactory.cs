using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Data;

// Lets services ask for IDbContextFactory<AppDbContext> without knowing which provider subclass is in use.
internal sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<AppDbContext>
    where TContext : AppDbContext
{
    public AppDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<AppDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
