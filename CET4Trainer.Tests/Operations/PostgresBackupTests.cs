using System.Diagnostics;
using CET4Trainer.Core.Ai.Recording;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Operations.Backup;
using CET4Trainer.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CET4Trainer.Tests.Operations;

[Collection(PostgresCollection.Name)]
public sealed class PostgresBackupTests(PostgresServer postgres)
{
    [Fact]
    public async Task PgDumpBackup_RestoredWithPgRestoreIntoAFreshDatabase_HoldsTheData()
    {
        var bin = ClientBinaries();
        await using var app = new Cet4AppFactory()
            .With("Database:Provider", "Postgres")
            .With("Database:ConnectionString", await postgres.CreateDatabaseAsync())
            .With("Backup:Folder", "backups")
            .With("Backup:PgDumpPath", Path.Combine(bin, "pg_dump"));
        var marker = "pg-backup-" + Guid.NewGuid().ToString("N");
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            db.AiCalls.Add(new AiCall { AtUtc = DateTime.UtcNow, Operation = "probe", Engine = "离线引擎", Error = marker });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var backups = app.Services.GetRequiredService<BackupService>();
        Assert.Null(backups.MissingTool());

        var result = await backups.RunAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Error);
        Assert.EndsWith(".dump", result.File);
        var target = await postgres.CreateDatabaseAsync("restore");
        var builder = new NpgsqlConnectionStringBuilder(target);
        await RunAsync(Path.Combine(bin, "pg_restore"), ["--no-owner", "--host", builder.Host!, "--port", builder.Port.ToString(), "--username", builder.Username!, "--dbname", builder.Database!, result.File!]);
        await using var restored = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(target).Options);
        Assert.Equal(marker, (await restored.AiCalls.SingleAsync(c => c.Error == marker, TestContext.Current.CancellationToken)).Error);
        Assert.True(await restored.Users.AnyAsync(u => u.Email == "teacher@cet4.local", TestContext.Current.CancellationToken));
        Assert.Empty(await restored.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task WithoutPgDump_TheBackupFailsSayingWhatToInstall_AndNothingIsWritten()
    {
        await using var app = new Cet4AppFactory()
            .With("Database:Provider", "Postgres")
            .With("Database:ConnectionString", await postgres.CreateDatabaseAsync())
            .With("Backup:Folder", "backups")
            .With("Backup:PgDumpPath", "/nonexistent/bin/pg_dump");
        var backups = app.Services.GetRequiredService<BackupService>();

        Assert.Equal(PgDump.NotFoundMessage, backups.MissingTool());
        var result = await backups.RunAsync(TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal(PgDump.NotFoundMessage, result.Error);
        Assert.Empty(backups.List());
        Assert.Contains("Backup failed", app.Logs.All);
    }

    // The client tools of the newest installed PostgreSQL, found as PostgresServer finds the server.
    private static string ClientBinaries()
    {
        var root = "/usr/lib/postgresql";
        return Directory.GetDirectories(root).OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
            .Select(v => Path.Combine(v, "bin")).First(b => File.Exists(Path.Combine(b, "pg_dump")) && File.Exists(Path.Combine(b, "pg_restore")));
    }

    private static async Task RunAsync(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(file)} exited with {process.ExitCode}: {await error}");
    }
}
