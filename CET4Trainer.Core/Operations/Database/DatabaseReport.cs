using System.Data.Common;
using CET4Trainer.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Operations.Database;

public sealed record TableCount(string Table, string Label, long Rows);

// FileBytes: the SQLite file plus its write-ahead log; PagesBytes: page_count × page_size (what the
// database holds, free pages included). On PostgreSQL both are pg_database_size.
public sealed record DatabaseSize(string Provider, long FileBytes, long PagesBytes, string? File);

public sealed record DatabaseFigures(DatabaseSize Size, IReadOnlyList<TableCount> Tables);

public sealed class DatabaseReport(IDbContextFactory<AppDbContext> contexts, ResolvedDatabase database)
{
    public async Task<DatabaseFigures> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var size = await SizeAsync(db, cancellationToken);
        // The tables that grow with use; one COUNT each, read in one context.
        var tables = new List<TableCount>
        {
            new("AspNetUsers", "用户", await db.Users.LongCountAsync(cancellationToken)),
            new("Courses", "课程", await db.Courses.LongCountAsync(cancellationToken)),
            new("Items", "题目", await db.Items.LongCountAsync(cancellationToken)),
            new("PracticeSessions", "练习", await db.PracticeSessions.LongCountAsync(cancellationToken)),
            new("Answers", "作答", await db.Answers.LongCountAsync(cancellationToken)),
            new("Mistakes", "错题", await db.Mistakes.LongCountAsync(cancellationToken)),
            new("AiCalls", "AI 调用记录", await db.AiCalls.LongCountAsync(cancellationToken)),
            new("AiTasks", "AI 任务", await db.AiTasks.LongCountAsync(cancellationToken)),
            new("ExplanationCache", "讲解缓存", await db.ExplanationCache.LongCountAsync(cancellationToken)),
        };
        return new DatabaseFigures(size, tables);
    }

    private async Task<DatabaseSize> SizeAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (!database.IsSqlite)
            {
                var bytes = await ScalarAsync(connection, "SELECT pg_database_size(current_database())", cancellationToken);
                return new DatabaseSize(database.Provider, bytes, bytes, null);
            }
            var pages = await ScalarAsync(connection, "PRAGMA page_count", cancellationToken)
                * await ScalarAsync(connection, "PRAGMA page_size", cancellationToken);
            var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            var fileBytes = FileLength(file) + FileLength(file + "-wal");
            return new DatabaseSize(database.Provider, fileBytes, pages, file);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static long FileLength(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}
