using CET4Trainer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Tests.TestSupport;

// A migrated SQLite file in a temp folder, for service and component tests that need real data.
public sealed class SqliteTestDatabase : IDbContextFactory<AppDbContext>, IDisposable
{
    private readonly TempFolder folder = new();
    private readonly DbContextOptions<SqliteAppDbContext> options;

    public SqliteTestDatabase(params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
    {
        options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={folder.File("test.db")};Pooling=false")
            .AddInterceptors(interceptors).Options;
        using var db = CreateDbContext();
        db.Database.Migrate();
    }

    public AppDbContext CreateDbContext() => new SqliteAppDbContext(options);

    public async Task<ApplicationUser> AddUserAsync(string email)
    {
        await using var db = CreateDbContext();
        var user = new ApplicationUser { UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant() };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    public void Dispose() => folder.Dispose();
}
