using CET4Trainer.Core.Hosting;
using Microsoft.Data.Sqlite;

namespace CET4Trainer.Core.Data;

public static class SqliteConnectionStrings
{
    // Anchors a relative Data Source at the app root and makes sure its folder exists.
    public static string Normalize(string connectionString, AppPaths paths)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode is SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
        {
            return builder.ToString();
        }
        builder.DataSource = paths.Resolve(builder.DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        return builder.ToString();
    }

    // The scheduler keeps its tables in a file beside the app's (docs/decisions/0004-quartz-store.md).
    public static string SchedulerFile(string normalizedAppConnectionString)
    {
        var builder = new SqliteConnectionStringBuilder(normalizedAppConnectionString);
        var file = builder.DataSource;
        builder.DataSource = Path.Combine(Path.GetDirectoryName(file)!, Path.GetFileNameWithoutExtension(file) + ".scheduler.db");
        return builder.ToString();
    }
}
