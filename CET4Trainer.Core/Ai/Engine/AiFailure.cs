using System.ClientModel;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using CET4Trainer.Core.Ai.Recording;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace CET4Trainer.Core.Ai.Engine;

public enum AiFailureKind
{
    // Worth another attempt: timeouts, 408, 429, 5xx, dropped connections.
    Transient,

    // The same request will fail again: 400, 401, 403, 404, context too long, anything unrecognised.
    Permanent,
    Timeout,
    CircuitOpen,

    // The provider's concurrency queue is full; the next provider may have room.
    Busy,
    Cancelled,
}

// What went wrong with one provider call, in words a person can read. Reason is built from the
// status code and our own wording only: a provider's error body (which may echo the request,
// even its key) never gets into it.
public sealed record AiFailure(AiFailureKind Kind, string Reason, int? Status = null, TimeSpan? RetryAfter = null)
{
    public AiOutcome Outcome => Kind switch
    {
        AiFailureKind.Permanent => AiOutcome.PermanentFailure,
        AiFailureKind.Timeout => AiOutcome.Timeout,
        AiFailureKind.CircuitOpen => AiOutcome.CircuitOpen,
        AiFailureKind.Cancelled => AiOutcome.Cancelled,
        _ => AiOutcome.TransientFailure,
    };

    // Retried by the provider's pipeline: a transient failure, unless the provider asks for a longer
    // wait than we are willing to spend on it (then the next provider is the faster way to an answer).
    public bool ShouldRetry(TimeSpan maxRetryAfter) =>
        Kind is AiFailureKind.Transient or AiFailureKind.Timeout && (RetryAfter is null || RetryAfter <= maxRetryAfter);

    // Counted by the circuit breaker: failures that say the provider cannot serve anyone right now.
    // A 400 or a context that is too long is the request's fault, not the provider's.
    public bool CountsAgainstProvider =>
        Kind is AiFailureKind.Transient or AiFailureKind.Timeout || Status is 401 or 403 or 404;
}

// Sorts exceptions from the OpenAI SDK, the HTTP stack and Polly into AiFailures.
public static class AiFailures
{
    public static AiFailure Classify(Exception exception, bool callerCancelled = false, DateTimeOffset? now = null)
    {
        switch (exception)
        {
            case OperationCanceledException when callerCancelled:
                return new(AiFailureKind.Cancelled, "已取消");
            case TimeoutRejectedException timeout:
                return new(AiFailureKind.Timeout, $"超时（{timeout.Timeout.TotalSeconds:0.#} 秒无回应）");
            case BrokenCircuitException:
                return new(AiFailureKind.CircuitOpen, "熔断器打开，暂不调用");
            case RateLimiterRejectedException:
                return new(AiFailureKind.Busy, "并发已满且排队已满");
            case AiChaosException:
                return new(AiFailureKind.Transient, "故障演练注入的失败");
            case ClientResultException result when result.Status > 0:
                return FromStatus(result, now ?? DateTimeOffset.UtcNow);
            case OperationCanceledException:
                // Not ours: the SDK's network timeout.
                return new(AiFailureKind.Timeout, "超时（网络无回应）");
            case HttpRequestException or IOException or SocketException:
                return new(AiFailureKind.Transient, "连接失败或中断");
            case JsonException:
                return new(AiFailureKind.Transient, "服务返回的内容无法读取");
        }
        // A ClientResultException without a status wraps the transport failure that caused it.
        if (exception.InnerException is { } inner) return Classify(inner, callerCancelled, now);
        return new(AiFailureKind.Permanent, $"意外错误（{exception.GetType().Name}）");
    }

    private static AiFailure FromStatus(ClientResultException result, DateTimeOffset now)
    {
        var status = result.Status;
        var response = result.GetRawResponse();
        TimeSpan? retryAfter = null;
        if (response is not null)
        {
            retryAfter = response.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && m >= 0
                ? TimeSpan.FromMilliseconds(m)
                : response.Headers.TryGetValue("Retry-After", out var header) ? ParseRetryAfter(header, now) : null;
        }
        var wait = retryAfter is { } r ? $"，Retry-After {r.TotalSeconds:0.#} 秒" : "";
        return status switch
        {
            408 => new(AiFailureKind.Transient, "HTTP 408（请求超时）" + wait, status, retryAfter),
            429 => new(AiFailureKind.Transient, "HTTP 429（请求过多或额度用尽）" + wait, status, retryAfter),
            >= 500 => new(AiFailureKind.Transient, $"HTTP {status}（服务端错误）" + wait, status, retryAfter),
            401 => new(AiFailureKind.Permanent, "HTTP 401（密钥无效）", status),
            403 => new(AiFailureKind.Permanent, "HTTP 403（无权使用）", status),
            404 => new(AiFailureKind.Permanent, "HTTP 404（地址或模型不存在）", status),
            413 => new(AiFailureKind.Permanent, "HTTP 413（上下文过长）", status),
            400 when IsContextTooLong(response) => new(AiFailureKind.Permanent, "HTTP 400（上下文过长）", status),
            _ => new(AiFailureKind.Permanent, $"HTTP {status}（请求被拒绝）", status),
        };
    }

    // Read only to tell "context too long" from other bad requests; the body itself is never kept.
    private static bool IsContextTooLong(System.ClientModel.Primitives.PipelineResponse? response)
    {
        try
        {
            var body = response?.Content?.ToString() ?? "";
            return body.Contains("context_length", StringComparison.OrdinalIgnoreCase)
                || body.Contains("context length", StringComparison.OrdinalIgnoreCase)
                || body.Contains("too many tokens", StringComparison.OrdinalIgnoreCase);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    // Retry-After is either delay-seconds or an HTTP date (RFC 9110 10.2.3). A date in the past means now.
    public static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = value.Trim();
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            return seconds < 0 ? null : TimeSpan.FromSeconds(seconds);
        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            || DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at))
        {
            var wait = at - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }
}

// Thrown by the chaos strategy (Ai:Chaos) in place of a real provider failure.
public sealed class AiChaosException() : Exception("Injected fault (Ai:Chaos).");
