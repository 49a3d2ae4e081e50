using CET4Trainer.Core.Ai.Recording;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Operations.Database;
using CET4Trainer.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Tests.Operations;

public sealed class DatabaseReportTests : IDisposable
{
    private readonly SqliteTestDatabase database = new();

    private DatabaseReport Report()
    {
        using var db = database.CreateDbContext();
        return new DatabaseReport(database, new ResolvedDatabase(DatabaseOptions.Sqlite, db.Database.GetConnectionString()!));
    }

    [Fact]
    public async Task Size_OfARealSqliteFile_IsItsLengthAndItsPages_AndGrowsWithData()
    {
        var empty = await Report().ReadAsync(TestContext.Current.CancellationToken);
        await using (var db = database.CreateDbContext())
        {
            for (var i = 0; i < 2000; i++)
            {
                db.AiCalls.Add(new AiCall { AtUtc = DateTime.UtcNow, Operation = "probe", Engine = "离线引擎", Error = new string('x', 200) });
            }
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var full = await Report().ReadAsync(TestContext.Current.CancellationToken);

        var file = full.Size.File!;
        Assert.True(File.Exists(file));
        Assert.Equal(new FileInfo(file).Length + (File.Exists(file + "-wal") ? new FileInfo(file + "-wal").Length : 0), full.Size.FileBytes);
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=false");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var pages = connection.CreateCommand();
        pages.CommandText = "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()";
        Assert.Equal((long)(await pages.ExecuteScalarAsync(TestContext.Current.CancellationToken))!, full.Size.PagesBytes);
        Assert.True(full.Size.PagesBytes > empty.Size.PagesBytes + 2000 * 200);
        Assert.Equal(0, empty.Tables.Single(t => t.Table == "AiCalls").Rows);
        Assert.Equal(2000, full.Tables.Single(t => t.Table == "AiCalls").Rows);
    }

    public void Dispose() => database.Dispose();
}
