using CET4Trainer.Core.Data;
using CET4Trainer.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Tests.Data;

[Collection(PostgresCollection.Name)]
public sealed class MigrationTests(PostgresServer postgres)
{
    [Fact]
    public async Task Sqlite_MigrationsAreCompleteAndApplyToEmptyDatabase()
    {
        using var folder = new TempFolder();
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={folder.File("m.db")};Pooling=false").Options;
        await using var db = new SqliteAppDbContext(options);

        await AssertCompleteAndAppliesAsync(db);
    }

    [Fact]
    public async Task Postgres_MigrationsAreCompleteAndApplyToEmptyDatabase()
    {
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(await postgres.CreateDatabaseAsync()).Options;
        await using var db = new PostgresAppDbContext(options);

        await AssertCompleteAndAppliesAsync(db);
    }

    [Fact]
    public void BothProviders_HaveTheSameMigrationsInTheSameOrder()
    {
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(id => id[(id.IndexOf('_') + 1)..]);
        using var sqlite = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var pg = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=127.0.0.1").Options);

        Assert.Equal(Names(sqlite), Names(pg));
    }

    private static async Task AssertCompleteAndAppliesAsync(AppDbContext db)
    {
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no migration captures: run scripts/add-migration.sh.");
        Assert.NotEmpty(db.Database.GetMigrations());

        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
        // Every mapped table is really there and readable.
        Assert.Equal(0, await db.Users.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Courses.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.DataProtectionKeys.CountAsync(TestContext.Current.CancellationToken));
    }
}
