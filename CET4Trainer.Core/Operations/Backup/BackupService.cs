using System.Diagnostics;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Core.Operations.Backup;

public sealed record BackupResult(DateTime AtUtc, bool Succeeded, string? File, long Bytes, TimeSpan Took, string? Error, IReadOnlyList<string> Removed);

// Takes a backup (SQLite: VACUUM INTO, an online consistent copy; PostgreSQL: pg_dump in custom format),
// then keeps the newest Backup:Keep. A file appears under its final name only once it is complete.
public sealed partial class BackupService(ResolvedDatabase database, AppPaths paths, IOptionsMonitor<BackupOptions> options,
    PgDump pgDump, TimeProvider clock, ILogger<BackupService> logger)
{
    private readonly SemaphoreSlim running = new(1, 1);

    public BackupResult? LastResult { get; private set; }

    public bool IsRunning => running.CurrentCount == 0;

    public bool IsSqlite => database.IsSqlite;

    public string Folder => paths.Resolve(options.CurrentValue.Folder);

    public int Keep => options.CurrentValue.Keep;

    public IReadOnlyList<BackupFile> List() => BackupFiles.List(Folder);

    // Null on SQLite (nothing external is needed) or when pg_dump was found; otherwise what to do about it.
    public string? MissingTool() => database.IsSqlite || pgDump.Find(options.CurrentValue.PgDumpPath) is not null ? null : PgDump.NotFoundMessage;

    public async Task<BackupResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var started = clock.GetUtcNow().UtcDateTime;
        if (!await running.WaitAsync(0, cancellationToken))
        {
            return new BackupResult(started, false, null, 0, TimeSpan.Zero, "另一个备份正在进行，请稍后再试。", []);
        }
        var timer = Stopwatch.StartNew();
        string? partial = null;
        try
        {
            var folder = Folder;
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, BackupFiles.Name(started, database.IsSqlite));
            partial = path + ".partial";
            if (database.IsSqlite)
            {
                await SqliteCopyAsync(database.ConnectionString, partial, cancellationToken);
                var scheduler = new SqliteConnectionStringBuilder(SqliteConnectionStrings.SchedulerFile(database.ConnectionString));
                if (File.Exists(scheduler.DataSource))
                {
                    var schedulerPartial = BackupFiles.SchedulerName(path) + ".partial";
                    await SqliteCopyAsync(scheduler.ToString(), schedulerPartial, cancellationToken);
                    File.Move(schedulerPartial, BackupFiles.SchedulerName(path));
                }
            }
            else
            {
                await pgDump.DumpAsync(database.ConnectionString, options.CurrentValue.PgDumpPath, partial, cancellationToken);
            }
            File.Move(partial, path);
            partial = null;
            var removed = Prune(folder, options.CurrentValue.Keep);
            var bytes = new FileInfo(path).Length;
            BackupTaken(path, bytes, timer.Elapsed.TotalSeconds, removed.Count);
            return LastResult = new BackupResult(started, true, path, bytes, timer.Elapsed, null, removed);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            BackupFailed(error);
            return LastResult = new BackupResult(started, false, null, 0, timer.Elapsed, Describe(error), []);
        }
        finally
        {
            if (partial is not null) TryDelete(partial);
            running.Release();
        }
    }

    private static async Task SqliteCopyAsync(string connectionString, string target, CancellationToken cancellationToken)
    {
        TryDelete(target);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // A read transaction: writers carry on (WAL); the copy is the database as of its start.
        command.CommandText = "VACUUM INTO $target";
        command.Parameters.AddWithValue("$target", target);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<string> Prune(string folder, int keep)
    {
        var removed = new List<string>();
        foreach (var old in BackupFiles.List(folder).Skip(keep))
        {
            File.Delete(old.Path);
            if (old.SchedulerPath is not null) File.Delete(old.SchedulerPath);
            removed.Add(old.Name);
        }
        return removed;
    }

    private static string Describe(Exception error) => error switch
    {
        PgDumpMissingException => PgDump.NotFoundMessage,
        PgDumpFailedException failed => failed.Message,
        UnauthorizedAccessException or IOException => "无法写入备份文件夹：" + error.Message,
        SqliteException sqlite => $"SQLite 错误 {sqlite.SqliteErrorCode}：{sqlite.Message}",
        _ => error.GetType().Name + "：" + error.Message,
    };

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left for the next run; it does not match the backup naming, so it is never listed or restored.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backup written to {Path} ({Bytes} bytes in {Seconds:0.0} s); {Removed} old backups removed")]
    private partial void BackupTaken(string path, long bytes, double seconds, int removed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Backup failed")]
    private partial void BackupFailed(Exception error);
}
