using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Core.Operations.Retention;

public sealed record RetentionOutcome(string Target, DateTime CutoffUtc, int Deleted, string? Error);

public sealed record RetentionRun(DateTime AtUtc, IReadOnlyList<RetentionOutcome> Outcomes)
{
    public bool Failed => Outcomes.Any(o => o.Error is not null);
}

public sealed partial class RetentionService(IEnumerable<IRetentionTarget> targets, IOptionsMonitor<RetentionOptions> options,
    TimeProvider clock, ILogger<RetentionService> logger)
{
    public RetentionRun? LastRun { get; private set; }

    public async Task<RetentionRun> RunAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.CurrentValue;
        var now = clock.GetUtcNow().UtcDateTime;
        var outcomes = new List<RetentionOutcome>();
        foreach (var target in targets)
        {
            var cutoff = now - target.KeepFor(settings);
            try
            {
                var deleted = await target.DeleteOlderThanAsync(cutoff, settings.BatchSize, cancellationToken);
                Deleted(target.Name, deleted, cutoff);
                outcomes.Add(new RetentionOutcome(target.Name, cutoff, deleted, null));
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // One target failing does not keep the others from being cleaned.
                TargetFailed(error, target.Name);
                outcomes.Add(new RetentionOutcome(target.Name, cutoff, 0, error.GetType().Name + ": " + error.Message));
            }
        }
        LastRun = new RetentionRun(now, outcomes);
        if (LastRun.Failed) throw new RetentionFailedException(LastRun);
        return LastRun;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention removed {Deleted} rows of {Target} older than {CutoffUtc:u}")]
    private partial void Deleted(string target, int deleted, DateTime cutoffUtc);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention of {Target} failed")]
    private partial void TargetFailed(Exception error, string target);
}

// Thrown after every target had its turn, so the job shows as failed on the jobs page.
public sealed class RetentionFailedException(RetentionRun run)
    : Exception("清理失败：" + string.Join("；", run.Outcomes.Where(o => o.Error is not null).Select(o => $"{o.Target}（{o.Error}）")))
{
    public RetentionRun Run { get; } = run;
}
