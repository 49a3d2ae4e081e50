using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Core.Ai.Engine;

// Ai:Limits:RequestsPerUserPerMinute for interactive calls, a sliding minute per user. Node-local:
// with several nodes a user may reach the limit once per node, which is acceptable for a fairness limit.
public sealed class AiUserRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public AiUserRateLimiter(IOptions<AiOptions> options)
    {
        PerMinute = options.Value.Limits.RequestsPerUserPerMinute;
        limiter = PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetSlidingWindowLimiter(user, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = PerMinute,
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    public int PerMinute { get; }

    // Null when the request may go ahead; otherwise the message to show.
    public string? Refusal(string userId)
    {
        using var lease = limiter.AttemptAcquire(userId);
        if (lease.IsAcquired) return null;
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? $"约 {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))} 秒后" : "稍后";
        return $"AI 请求太频繁：每分钟最多 {PerMinute} 次，请{wait}再试。";
    }

    public void Dispose() => limiter.Dispose();
}
