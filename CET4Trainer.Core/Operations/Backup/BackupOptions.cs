using System.ComponentModel.DataAnnotations;

namespace CET4Trainer.Core.Operations.Backup;

public sealed class BackupOptions
{
    public const string Section = "Backup";

    // Relative to the folder of appsettings.json.
    [Required(AllowEmptyStrings = false, ErrorMessage = "Backup:Folder is required.")]
    public string Folder { get; set; } = "data/backups";

    // Cron (local time) or interval; see JobSchedule.
    public string Schedule { get; set; } = "0 0 2 * * ?";

    [Range(1, 1000, ErrorMessage = "Backup:Keep must be between 1 and 1000.")]
    public int Keep { get; set; } = 7;

    // PostgreSQL only: pg_dump to use when it is not on PATH.
    public string? PgDumpPath { get; set; }
}
