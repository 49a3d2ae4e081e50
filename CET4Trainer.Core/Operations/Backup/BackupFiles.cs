using System.Globalization;
using System.Text.RegularExpressions;

namespace CET4Trainer.Core.Operations.Backup;

// A backup of the app's database; on SQLite with the scheduler's file beside it (same time stamp).
public sealed record BackupFile(string Name, string Path, long Bytes, DateTime TakenUtc, string? SchedulerPath, long SchedulerBytes);

// Names carry the UTC time they were taken: cet4-20260612T020000123Z.db (SQLite) or .dump (pg_dump).
public static partial class BackupFiles
{
    public const string StampFormat = "yyyyMMdd'T'HHmmssfff'Z'";

    public static string Name(DateTime takenUtc, bool sqlite) =>
        $"cet4-{takenUtc.ToString(StampFormat, CultureInfo.InvariantCulture)}.{(sqlite ? "db" : "dump")}";

    public static string SchedulerName(string backupPath) =>
        System.IO.Path.ChangeExtension(backupPath, ".scheduler.db");

    // Newest first; files that do not follow the naming are not ours and are left alone.
    public static IReadOnlyList<BackupFile> List(string folder)
    {
        if (!Directory.Exists(folder)) return [];
        var found = new List<BackupFile>();
        foreach (var path in Directory.EnumerateFiles(folder))
        {
            var match = Pattern().Match(System.IO.Path.GetFileName(path));
            if (!match.Success) continue;
            var taken = DateTime.SpecifyKind(DateTime.ParseExact(match.Groups[1].Value, StampFormat, CultureInfo.InvariantCulture), DateTimeKind.Utc);
            var scheduler = SchedulerName(path);
            var hasScheduler = File.Exists(scheduler);
            found.Add(new BackupFile(System.IO.Path.GetFileName(path), path, new FileInfo(path).Length, taken,
                hasScheduler ? scheduler : null, hasScheduler ? new FileInfo(scheduler).Length : 0));
        }
        return [.. found.OrderByDescending(f => f.TakenUtc)];
    }

    [GeneratedRegex(@"^cet4-(\d{8}T\d{9}Z)\.(db|dump)$")]
    private static partial Regex Pattern();
}
