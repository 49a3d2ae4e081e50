using System.Net.Http.Json;
using System.Text.Json;
using CET4Trainer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CET4Trainer.Core.Operations.Alerts;

public sealed record AlertWebhookPayload(
    string Source, long EventId, string Kind, string Signal, string Name, string Severity,
    double? Value, double? Threshold, string Unit, DateTime FiringSinceUtc, DateTime AtUtc);

// Posts queued alert events one by one, retrying each with exponential backoff, and records on the
// event whether it arrived. Runs beside the evaluator, never inside it.
public sealed partial class AlertWebhookSender(
    AlertWebhookQueue queue,
    IDbContextFactory<AppDbContext> dbs,
    IHttpClientFactory http,
    IOptions<AlertOptions> options,
    AlertHub hub,
    TimeProvider clock,
    ILogger<AlertWebhookSender> log) : BackgroundService
{
    public const string ClientName = "alert-webhook";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Webhook is null) return;
        await RequeueUnsentAsync(stoppingToken);
        await foreach (var eventId in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await SendAsync(eventId, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogSendCrashed(e, eventId);
            }
        }
    }

    // Events still pending when the app last stopped are sent now, if they are recent enough to matter.
    private async Task RequeueUnsentAsync(CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var pending = await db.AlertEvents.Where(e => e.Webhook == WebhookDelivery.Pending && e.AtUtc >= since)
            .OrderBy(e => e.Id).Select(e => e.Id).Take(AlertWebhookQueue.Capacity / 2).ToListAsync(cancellationToken);
        foreach (var id in pending) await queue.EnqueueAsync(id, cancellationToken);
    }

    private async Task SendAsync(long eventId, CancellationToken cancellationToken)
    {
        AlertWebhookPayload payload;
        await using (var db = await dbs.CreateDbContextAsync(cancellationToken))
        {
            var alertEvent = await db.AlertEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, cancellationToken);
            if (alertEvent is null || alertEvent.Webhook != WebhookDelivery.Pending) return;
            payload = Payload(alertEvent);
        }

        var settings = options.Value;
        var attempts = 0;
        string? lastError = null;
        var client = http.CreateClient(ClientName);
        try
        {
            using var response = await Pipeline(settings, error => lastError = error).ExecuteAsync(async token =>
            {
                attempts++;
                return await client.PostAsJsonAsync(settings.Webhook, payload, Json, token);
            }, cancellationToken);
            lastError = response.IsSuccessStatusCode ? null : Describe(response);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            lastError = Describe(e, settings);
        }

        await RecordAsync(eventId, lastError, attempts, cancellationToken);
        if (lastError is null) LogDelivered(eventId, attempts);
        else LogFailed(eventId, attempts, lastError);
        hub.Publish();
    }

    private static ResiliencePipeline<HttpResponseMessage> Pipeline(AlertOptions settings, Action<string> onFailure)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (settings.WebhookMaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = settings.WebhookMaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = TimeSpan.FromMilliseconds(settings.WebhookRetryDelayMs),
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => !r.IsSuccessStatusCode),
                OnRetry = args =>
                {
                    onFailure(args.Outcome.Exception is { } e ? Describe(e, settings) : Describe(args.Outcome.Result!));
                    return ValueTask.CompletedTask;
                },
            });
        }
        return builder.AddTimeout(TimeSpan.FromSeconds(settings.WebhookTimeoutSeconds)).Build();
    }

    private async Task RecordAsync(long eventId, string? error, int attempts, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        await db.AlertEvents.Where(e => e.Id == eventId).ExecuteUpdateAsync(set => set
            .SetProperty(e => e.Webhook, error is null ? WebhookDelivery.Delivered : WebhookDelivery.Failed)
            .SetProperty(e => e.WebhookError, error)
            .SetProperty(e => e.WebhookAttempts, attempts)
            .SetProperty(e => e.WebhookAtUtc, now), cancellationToken);
    }

    public static AlertWebhookPayload Payload(AlertEvent alertEvent)
    {
        var info = AlertSignalNames.Info(alertEvent.Signal);
        return new AlertWebhookPayload("CET4Trainer", alertEvent.Id, alertEvent.Kind.ToString().ToLowerInvariant(), alertEvent.Signal,
            info.Label, alertEvent.Severity.ToString().ToLowerInvariant(), alertEvent.Value, alertEvent.Threshold, info.Unit,
            alertEvent.FiringSinceUtc, alertEvent.AtUtc);
    }

    // Short and safe to show: never the address (it may carry a token), never a response body.
    private static string Describe(HttpResponseMessage response) => $"对方返回 HTTP {(int)response.StatusCode}";

    private static string Describe(Exception e, AlertOptions settings) => e switch
    {
        HttpRequestException { StatusCode: { } code } => $"对方返回 HTTP {(int)code}",
        HttpRequestException request => $"无法连接（{request.HttpRequestError}）",
        _ => $"超时（{settings.WebhookTimeoutSeconds} 秒内无应答）",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert webhook: event {AlertEventId} delivered after {Attempts} attempts")]
    private partial void LogDelivered(long alertEventId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert webhook: event {AlertEventId} not delivered after {Attempts} attempts: {Error}")]
    private partial void LogFailed(long alertEventId, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert webhook: sending event {AlertEventId} failed unexpectedly")]
    private partial void LogSendCrashed(Exception exception, long alertEventId);
}
