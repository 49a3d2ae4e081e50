using CET4Trainer.Core.Data;
using Microsoft.Data.Sqlite;

namespace CET4Trainer.Core.Operations.Alerts;

// Free space on the drive that holds the SQLite file; the database grows there. On PostgreSQL the
// data lives on another machine, so the value is unknown here.
public sealed class DiskSignals(ResolvedDatabase database) : IAlertSignalSource
{
    public IReadOnlyCollection<string> Signals { get; } = [AlertSignalNames.DiskFreePercent];

    public ValueTask<double?> ReadAsync(string signal, CancellationToken cancellationToken)
    {
        if (signal != AlertSignalNames.DiskFreePercent || DatabaseFolder() is not { } folder) return ValueTask.FromResult<double?>(null);
        return ValueTask.FromResult(FreePercent(folder));
    }

    public static double? FreePercent(string folder)
    {
        try
        {
            var drive = new DriveInfo(Path.GetFullPath(folder));
            return drive.TotalSize <= 0 ? null : Math.Round(drive.AvailableFreeSpace * 100d / drive.TotalSize, 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    private string? DatabaseFolder()
    {
        if (!database.IsSqlite) return null;
        var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        return file is "" or ":memory:" ? null : Path.GetDirectoryName(Path.GetFullPath(file));
    }
}
