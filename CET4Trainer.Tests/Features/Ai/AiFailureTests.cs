using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using CET4Trainer.Core.Ai.Engine;
using CET4Trainer.Core.Ai.Recording;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace CET4Trainer.Tests.Features.Ai;

// Which failures are worth another attempt, which count against a provider, and what is written down.
public sealed class AiFailureTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 13, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);

    private static ClientResultException Status(int status, string body = "{\"error\":{\"message\":\"nope\"}}", params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body) };
        foreach (var (name, value) in headers) response.Headers.TryAddWithoutValidation(name, value);
        return new ClientResultException(new FakePipelineResponse(response));
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public void TransientStatuses_AreRetried_AndCountAgainstTheProvider(int status)
    {
        var failure = AiFailures.Classify(Status(status), now: Now);

        Assert.Equal(AiFailureKind.Transient, failure.Kind);
        Assert.True(failure.ShouldRetry(Cap));
        Assert.True(failure.CountsAgainstProvider);
        Assert.Equal(AiOutcome.TransientFailure, failure.Outcome);
        Assert.StartsWith($"HTTP {status}", failure.Reason);
    }

    [Theory]
    [InlineData(400, false)]
    [InlineData(401, true)]
    [InlineData(403, true)]
    [InlineData(404, true)]
    [InlineData(413, false)]
    [InlineData(422, false)]
    public void PermanentStatuses_AreNotRetried_OnlyProviderWideOnesCount(int status, bool counts)
    {
        var failure = AiFailures.Classify(Status(status), now: Now);

        Assert.Equal(AiFailureKind.Permanent, failure.Kind);
        Assert.False(failure.ShouldRetry(Cap));
        Assert.Equal(counts, failure.CountsAgainstProvider);
        Assert.Equal(AiOutcome.PermanentFailure, failure.Outcome);
    }

    [Fact]
    public void ContextTooLong_IsNamed_ButTheBodyIsNotRepeated()
    {
        var failure = AiFailures.Classify(Status(400, "{\"error\":{\"code\":\"context_length_exceeded\",\"message\":\"secret prompt text\"}}"), now: Now);

        Assert.Equal("HTTP 400（上下文过长）", failure.Reason);
        Assert.False(failure.ShouldRetry(Cap));
    }

    [Fact]
    public void RetryAfter_WithinTheCap_IsRetried_BeyondIt_IsNot()
    {
        var soon = AiFailures.Classify(Status(429, headers: ("Retry-After", "12")), now: Now);
        var late = AiFailures.Classify(Status(503, headers: ("Retry-After", "31")), now: Now);

        Assert.Equal(TimeSpan.FromSeconds(12), soon.RetryAfter);
        Assert.True(soon.ShouldRetry(Cap));
        Assert.Equal(TimeSpan.FromSeconds(31), late.RetryAfter);
        Assert.False(late.ShouldRetry(Cap));
        Assert.True(late.CountsAgainstProvider);
        Assert.Contains("Retry-After 31 秒", late.Reason);
    }

    [Fact]
    public void RetryAfterMilliseconds_WinsOverTheSecondsHeader()
    {
        var failure = AiFailures.Classify(Status(429, headers: [("retry-after-ms", "1500"), ("Retry-After", "20")]), now: Now);

        Assert.Equal(TimeSpan.FromMilliseconds(1500), failure.RetryAfter);
    }

    [Theory]
    [InlineData("7", 7.0)]
    [InlineData(" 0 ", 0.0)]
    [InlineData("1.5", 1.5)]
    [InlineData("Sat, 13 Jun 2026 08:00:20 GMT", 20.0)]
    [InlineData("Sat, 13 Jun 2026 07:59:00 GMT", 0.0)]
    public void RetryAfter_ParsesSecondsAndHttpDates(string header, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), AiFailures.ParseRetryAfter(header, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-3")]
    [InlineData("soon")]
    public void RetryAfter_Unreadable_IsIgnored(string? header)
    {
        Assert.Null(AiFailures.ParseRetryAfter(header, Now));
    }

    [Fact]
    public void TransportFailures_AreTransient()
    {
        Assert.All(new Exception[]
        {
            new HttpRequestException("Connection refused"), new IOException("reset"), new System.Net.Sockets.SocketException(104),
            new ClientResultException("no response", response: null, innerException: new HttpRequestException("dropped")),
            new System.Text.Json.JsonException("bad body"), new AiChaosException(),
        }, ex => Assert.True(AiFailures.Classify(ex).ShouldRetry(Cap), ex.GetType().Name));
    }

    [Fact]
    public void Timeouts_AreRetried_CancellationByTheCallerIsNot()
    {
        var timeout = AiFailures.Classify(new TimeoutRejectedException("late", TimeSpan.FromSeconds(5)));
        var networkTimeout = AiFailures.Classify(new TaskCanceledException("The operation was cancelled because it exceeded the configured timeout"));
        var cancelled = AiFailures.Classify(new OperationCanceledException(), callerCancelled: true);

        Assert.Equal((AiFailureKind.Timeout, AiOutcome.Timeout, true), (timeout.Kind, timeout.Outcome, timeout.ShouldRetry(Cap)));
        Assert.Equal("超时（5 秒无回应）", timeout.Reason);
        Assert.Equal(AiFailureKind.Timeout, networkTimeout.Kind);
        Assert.Equal((AiFailureKind.Cancelled, AiOutcome.Cancelled, false, false), (cancelled.Kind, cancelled.Outcome, cancelled.ShouldRetry(Cap), cancelled.CountsAgainstProvider));
    }

    [Fact]
    public void AnOpenCircuitOrAFullQueue_MovesOnWithoutRetrying()
    {
        var open = AiFailures.Classify(new BrokenCircuitException());
        var busy = AiFailures.Classify(new RateLimiterRejectedException());

        Assert.Equal((AiFailureKind.CircuitOpen, AiOutcome.CircuitOpen, false, false), (open.Kind, open.Outcome, open.ShouldRetry(Cap), open.CountsAgainstProvider));
        Assert.Equal((AiFailureKind.Busy, false, false), (busy.Kind, busy.ShouldRetry(Cap), busy.CountsAgainstProvider));
    }

    [Fact]
    public void UnknownExceptions_ArePermanent_AndNamedByTypeOnly()
    {
        var failure = AiFailures.Classify(new InvalidOperationException("contains sk-secret"));

        Assert.Equal(AiFailureKind.Permanent, failure.Kind);
        Assert.Equal("意外错误（InvalidOperationException）", failure.Reason);
    }

    // The SDK's response over an HttpResponseMessage, as its own transport makes it.
    private sealed class FakePipelineResponse(HttpResponseMessage message) : PipelineResponse
    {
        private BinaryData? content = BinaryData.FromBytes(message.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult());

        public override int Status => (int)message.StatusCode;
        public override string ReasonPhrase => message.ReasonPhrase ?? "";
        public override Stream? ContentStream { get => content?.ToStream(); set => content = value is null ? null : BinaryData.FromStream(value); }
        public override BinaryData Content => content ?? BinaryData.Empty;
        protected override PipelineResponseHeaders HeadersCore => new ResponseHeaders(message);
        public override BinaryData BufferContent(CancellationToken cancellationToken = default) => Content;
        public override ValueTask<BinaryData> BufferContentAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Content);
        public override void Dispose() => message.Dispose();

        private sealed class ResponseHeaders(HttpResponseMessage message) : PipelineResponseHeaders
        {
            public override bool TryGetValue(string name, out string? value)
            {
                value = message.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
                return value is not null;
            }

            public override bool TryGetValues(string name, out IEnumerable<string>? values)
            {
                var found = message.Headers.TryGetValues(name, out var v);
                values = v;
                return found;
            }

            public override IEnumerator<KeyValuePair<string, string>> GetEnumerator() =>
                message.Headers.Select(h => new KeyValuePair<string, string>(h.Key, string.Join(",", h.Value))).GetEnumerator();
        }
    }
}
