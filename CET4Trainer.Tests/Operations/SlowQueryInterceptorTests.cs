using CET4Trainer.Core.Ai.Recording;
using CET4Trainer.Core.Operations.Database;
using CET4Trainer.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Tests.Operations;

public sealed class SlowQueryInterceptorTests
{
    private const string SlowSql = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 400000) SELECT count(*) FROM c";

    private static (SqliteTestDatabase Db, QueryLog Log) Open(int thresholdMs, int keep = 100)
    {
        var log = new QueryLog(new FixedOptions<SlowQueryOptions>(new SlowQueryOptions { SlowQueryMilliseconds = thresholdMs, SlowQueryKeep = keep }), TimeProvider.System);
        return (new SqliteTestDatabase(new SlowQueryInterceptor(log)), log);
    }

    [Fact]
    public async Task QuerySlowerThanTheThreshold_IsRecordedWithItsSqlAndDuration()
    {
        var (database, log) = Open(thresholdMs: 1);
        using var _ = database;
        await using var db = database.CreateDbContext();
        var before = log.Counts().Total;

        await db.Database.ExecuteSqlRawAsync(SlowSql, TestContext.Current.CancellationToken);

        var slow = Assert.Single(log.Slow(), q => q.Sql.Contains("WITH RECURSIVE"));
        Assert.True(slow.DurationMs >= 1, $"recorded {slow.DurationMs} ms");
        Assert.False(slow.Failed);
        Assert.Equal(before + 1, log.Counts().Total);
    }

    [Fact]
    public async Task FastQueryUnderAHighThreshold_IsCountedButNotKept()
    {
        var (database, log) = Open(thresholdMs: 600_000);
        using var _ = database;
        await using var db = database.CreateDbContext();
        var before = log.Counts().Total;

        await db.AiCalls.CountAsync(TestContext.Current.CancellationToken);
        await db.Users.AnyAsync(TestContext.Current.CancellationToken);

        Assert.Empty(log.Slow());
        Assert.Equal(before + 2, log.Counts().Total);
        // Both may fall either side of a minute boundary.
        Assert.True(log.Counts().PerMinute[^1] + log.Counts().PerMinute[^2] >= 2);
    }

    [Fact]
    public async Task ParameterValues_NeverReachTheLog_EvenWhenEveryQueryIsSlow()
    {
        var (database, log) = Open(thresholdMs: 0);
        using var _ = database;
        const string secret = "secret-value-7f3a@example.edu.cn";
        await database.AddUserAsync(secret);
        await using (var db = database.CreateDbContext())
        {
            db.AiCalls.Add(new AiCall { Operation = "probe", Engine = "offline", Error = "secret-error-text-91", AtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            var email = secret;
            Assert.NotNull(await db.Users.FirstOrDefaultAsync(u => u.Email == email, TestContext.Current.CancellationToken));
        }

        var recorded = log.Slow();
        Assert.Contains(recorded, q => q.Sql.Contains("INSERT INTO \"AiCalls\""));
        Assert.Contains(recorded, q => q.Sql.Contains("FROM \"AspNetUsers\"") && q.Sql.Contains('@'));
        Assert.DoesNotContain(recorded, q => q.Sql.Contains("secret-value-7f3a", StringComparison.OrdinalIgnoreCase) || q.Sql.Contains("secret-error-text-91", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SlowQueries_AreKeptInABoundedRing_NewestFirst()
    {
        var (database, log) = Open(thresholdMs: 0, keep: 3);
        using var _ = database;
        await using var db = database.CreateDbContext();

        for (var i = 0; i < 10; i++)
        {
            var sql = "SELECT " + i + " AS marker_" + i;
            await db.Database.ExecuteSqlRawAsync(sql, TestContext.Current.CancellationToken);
        }

        var kept = log.Slow();
        Assert.Equal(3, kept.Count);
        Assert.Contains("marker_9", kept[0].Sql);
        Assert.Contains("marker_7", kept[2].Sql);
    }

    [Fact]
    public async Task FailedCommand_IsCountedAsFailed()
    {
        var (database, log) = Open(thresholdMs: 0);
        using var _ = database;
        await using var db = database.CreateDbContext();

        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("SELECT * FROM NoSuchTable", TestContext.Current.CancellationToken));

        Assert.Equal(1, log.Counts().Failed);
        Assert.True(log.Slow()[0].Failed);
    }
}
