using CET4Trainer.Core.Ai.Recording;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Operations.Backup;
using CET4Trainer.Core.Operations.Jobs;
using CET4Trainer.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CET4Trainer.Tests.Operations;

// The real app host on a SQLite file; backups go to a folder beside it.
public sealed class BackupTests : IAsyncDisposable
{
    private readonly Cet4AppFactory app = new Cet4AppFactory().With("Backup:Folder", "backups").With("Backup:Keep", "2");
    private readonly TempFolder restoreFolder = new();

    private BackupService Backups => app.Services.GetRequiredService<BackupService>();

    [Fact]
    public async Task Backup_CopiedOverANewPath_OpensWithTheAppContext_AndHoldsTheData()
    {
        var marker = await AddCallAsync("backup-probe-" + Guid.NewGuid().ToString("N"));

        var result = await Backups.RunAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(app.Folder.File("backups"), Path.GetDirectoryName(result.File));
        // Restore as the README says: copy the file over the database path, open it.
        var restored = restoreFolder.File("cet4.db");
        File.Copy(result.File!, restored);
        await using var db = Open(restored);
        Assert.Equal(marker, (await db.AiCalls.SingleAsync(c => c.Error == marker, TestContext.Current.CancellationToken)).Error);
        Assert.True(await db.Users.AnyAsync(u => u.Email == "admin@cet4.local", TestContext.Current.CancellationToken));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        // The scheduler's file is copied beside it, with its tables.
        var listed = Assert.Single(Backups.List());
        Assert.NotNull(listed.SchedulerPath);
        await using var scheduler = new SqliteConnection($"Data Source={listed.SchedulerPath};Pooling=false");
        await scheduler.OpenAsync(TestContext.Current.CancellationToken);
        await using var tables = scheduler.CreateCommand();
        tables.CommandText = "SELECT count(*) FROM sqlite_master WHERE name LIKE 'qrtz_%'";
        Assert.True((long)(await tables.ExecuteScalarAsync(TestContext.Current.CancellationToken))! > 5);
        Assert.Empty(Directory.GetFiles(app.Folder.File("backups"), "*.partial"));
    }

    [Fact]
    public async Task Retention_KeepsTheNewestBackups()
    {
        var results = new List<BackupResult>();
        for (var i = 0; i < 4; i++) results.Add(await Backups.RunAsync(TestContext.Current.CancellationToken));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        var kept = Backups.List();
        Assert.Equal([results[3].File, results[2].File], kept.Select(k => k.Path).ToArray());
        Assert.Single(results[2].Removed);
        Assert.Equal(Path.GetFileName(results[1].File), Assert.Single(results[3].Removed));
        // Only the kept backups and their scheduler copies are left.
        Assert.Equal(4, Directory.GetFiles(app.Folder.File("backups")).Length);
    }

    [Fact]
    public async Task Backup_WhileAnotherConnectionWrites_Succeeds_WithAConsistentCopy()
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        using var stop = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await using var db = await contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);
                for (var i = 0; i < 20; i++) db.AiCalls.Add(new AiCall { AtUtc = DateTime.UtcNow, Operation = "writer", Engine = "离线引擎" });
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);
                Interlocked.Add(ref written, 20);
            }
        }, TestContext.Current.CancellationToken);
        while (Volatile.Read(ref written) < 200) await Task.Delay(10, TestContext.Current.CancellationToken);

        var result = await Backups.RunAsync(TestContext.Current.CancellationToken);
        var writtenAfterBackup = Volatile.Read(ref written);
        await stop.CancelAsync();
        await writer;

        Assert.True(result.Succeeded, result.Error);
        File.Copy(result.File!, restoreFolder.File("during.db"));
        await using var restored = Open(restoreFolder.File("during.db"));
        var copied = await restored.AiCalls.CountAsync(c => c.Operation == "writer", TestContext.Current.CancellationToken);
        // Whole batches only: the copy is the database at one moment.
        Assert.InRange(copied, 200, writtenAfterBackup);
        Assert.Equal(0, copied % 20);
    }

    [Fact]
    public async Task UnwritableFolder_FailsWithAReason_AndTheJobShowsTheFailure()
    {
        await using var broken = new Cet4AppFactory().With("Backup:Folder", "blocker/backups");
        await File.WriteAllTextAsync(broken.Folder.File("blocker"), "a file where the folder should be", TestContext.Current.CancellationToken);
        var backups = broken.Services.GetRequiredService<BackupService>();

        var result = await backups.RunAsync(TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.StartsWith("无法写入备份文件夹", result.Error);
        Assert.Same(result, backups.LastResult);

        var monitor = broken.Services.GetRequiredService<JobMonitor>();
        Assert.Null(await monitor.TriggerNowAsync(BackupJob.Key.Group, BackupJob.Key.Name, TestContext.Current.CancellationToken));
        var facts = await JobMonitorTests.WaitForRunAsync(broken.Services, BackupJob.Key, f => f.FailuresLast24h == 1);
        Assert.StartsWith("无法写入备份文件夹", facts.LastError);
    }

    private async Task<string> AddCallAsync(string marker)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        db.AiCalls.Add(new AiCall { AtUtc = DateTime.UtcNow, Operation = "probe", Engine = "离线引擎", Error = marker });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return marker;
    }

    private static SqliteAppDbContext Open(string file) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={file};Pooling=false").Options);

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        restoreFolder.Dispose();
    }
}
