using Quartz;

namespace CET4Trainer.Core.Operations.Backup;

[DisallowConcurrentExecution]
public sealed class BackupJob(BackupService backups) : IJob
{
    public static readonly JobKey Key = new("backup", "maintenance");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var result = await backups.RunAsync(cancellationToken);
        // Thrown so the jobs page (and any alert on job failures) sees the failure too.
        if (!result.Succeeded) throw new JobExecutionException(result.Error ?? "备份失败");
    }
}
