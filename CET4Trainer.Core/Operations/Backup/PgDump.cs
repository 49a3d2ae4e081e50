using System.Diagnostics;
using Npgsql;

namespace CET4Trainer.Core.Operations.Backup;

public sealed class PgDumpMissingException() : Exception(PgDump.NotFoundMessage);

public sealed class PgDumpFailedException(string message) : Exception(message);

// Runs PostgreSQL's pg_dump. The password goes in through PGPASSWORD, never on the command line
// (which other users of the machine can read) or into a message.
public sealed class PgDump
{
    public const string NotFoundMessage =
        "未找到 pg_dump，PostgreSQL 数据库没有备份。请安装 PostgreSQL 客户端（Debian/Ubuntu：apt install postgresql-client），或在 Backup:PgDumpPath 中写明 pg_dump 的路径。";

    public string? Find(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return File.Exists(configured) ? configured : null;
        var name = OperatingSystem.IsWindows() ? "pg_dump.exe" : "pg_dump";
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    public async Task DumpAsync(string connectionString, string? configured, string target, CancellationToken cancellationToken)
    {
        var tool = Find(configured) ?? throw new PgDumpMissingException();
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--format=custom", "--no-owner", "--file", target,
                     "--host", connection.Host ?? "localhost", "--port", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--username", connection.Username ?? "postgres", "--dbname", connection.Database ?? "postgres" })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["PGPASSWORD"] = connection.Password ?? "";
        start.Environment["PGCONNECT_TIMEOUT"] = "30";
        using var process = Process.Start(start) ?? throw new PgDumpMissingException();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        await output;
        var message = (await error).Trim();
        if (process.ExitCode != 0)
        {
            throw new PgDumpFailedException($"pg_dump 以代码 {process.ExitCode} 结束：{(message.Length > 500 ? message[..500] : message)}");
        }
    }
}
