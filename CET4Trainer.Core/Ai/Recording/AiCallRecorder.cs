using CET4Trainer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Ai.Recording;

// Writes one row per engine call. A failure to record never fails the call it records.
public sealed class AiCallRecorder(IDbContextFactory<AppDbContext> contexts, Microsoft.Extensions.Logging.ILogger<AiCallRecorder> log)
{
    public async Task RecordAsync(AiCall call, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
            db.AiCalls.Add(call);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(log, ex, "Could not record an AI call of {Operation}", call.Operation);
        }
    }
}
