using CET4Trainer.Tests.TestSupport;

namespace CET4Trainer.Tests.Features.Demo;

// The same demo class on PostgreSQL: the same fixed seed and clock give the same history as on SQLite.
[Collection(PostgresCollection.Name)]
public sealed class DemoClassPostgresTests(PostgresServer postgres)
{
    [Fact]
    public async Task DemoClass_OnPostgres_MatchesSqlite_AndASecondStartAddsNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        string onSqlite;
        await using (var sqlite = DemoClassSeederTests.DemoApp())
        {
            sqlite.CreateClient();
            onSqlite = await DemoClassSeederTests.CountsAsync(sqlite, ct);
        }
        var database = await postgres.CreateDatabaseAsync();
        string onPostgres;
        await using (var app = DemoClassSeederTests.DemoApp().With("Database:Provider", "Postgres").With("Database:ConnectionString", database))
        {
            app.CreateClient();
            onPostgres = await DemoClassSeederTests.CountsAsync(app, ct);
            Assert.Contains("Created the demo class: 30 students", app.Logs.All);
        }
        Assert.Equal(onSqlite, onPostgres);

        await using var again = DemoClassSeederTests.DemoApp().With("Database:Provider", "Postgres").With("Database:ConnectionString", database);
        again.CreateClient();
        Assert.Equal(onPostgres, await DemoClassSeederTests.CountsAsync(again, ct));
    }
}
