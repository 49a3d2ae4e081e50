using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CET4Trainer.Core.Ai;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CET4Trainer.Tests.TestSupport;

// What the fake provider does with one request. Build with the static methods; `with { Delay = ... }`
// adds latency before anything is sent.
public sealed record FakeReply
{
    public enum Kind { Text, Status, Hang, BrokenBody, CutStream }

    public Kind Behaviour { get; init; }

    // The assistant's message (Text, CutStream); streamed in chunks of ChunkSize characters.
    public string Content { get; init; } = "";
    public int ChunkSize { get; init; } = 8;

    // CutStream: chunks sent before the connection is dropped.
    public int ChunksBeforeCut { get; init; } = 2;

    public int StatusCode { get; init; } = 200;
    public string? RetryAfter { get; init; }
    public string ErrorMessage { get; init; } = "fake provider error";

    // Puts the request's Authorization header into the error body, as careless providers do.
    public bool EchoAuthorization { get; init; }

    public int InputTokens { get; init; } = 100;
    public int OutputTokens { get; init; } = 20;

    public TimeSpan Delay { get; init; }

    public static FakeReply Text(string content, int inputTokens = 100, int outputTokens = 20) =>
        new() { Behaviour = Kind.Text, Content = content, InputTokens = inputTokens, OutputTokens = outputTokens };

    // Any JSON value serialized with camelCase names, as a model in JSON mode would answer.
    public static FakeReply Json(object value, int inputTokens = 100, int outputTokens = 20) =>
        Text(JsonSerializer.Serialize(value, JsonSerializerOptions.Web), inputTokens, outputTokens);

    public static FakeReply Status(int statusCode, string? retryAfter = null, string message = "fake provider error") =>
        new() { Behaviour = Kind.Status, StatusCode = statusCode, RetryAfter = retryAfter, ErrorMessage = message };

    public static FakeReply RateLimited(string retryAfter) => Status(429, retryAfter, "Rate limit reached");

    // Holds the request open without answering until the client gives up (or the fake is disposed).
    public static FakeReply Hang() => new() { Behaviour = Kind.Hang };

    // A 200 whose body is not valid JSON at all (the protocol broken, not just the model's answer).
    public static FakeReply BrokenBody() => new() { Behaviour = Kind.BrokenBody };

    // Streams some chunks of the content and then drops the connection. A non-streaming request gets
    // its headers and half a body before the drop.
    public static FakeReply CutStream(string content, int chunksBeforeCut = 2) =>
        new() { Behaviour = Kind.CutStream, Content = content, ChunksBeforeCut = chunksBeforeCut };
}

public sealed record FakeRequest(DateTimeOffset AtUtc, string Path, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public JsonNode? Json => JsonNode.Parse(Body);

    public bool Stream => Json?["stream"]?.GetValue<bool>() == true;

    // Every message's text, joined, for asserting what reached the provider.
    public string MessagesText => string.Join("\n", (Json?["messages"]?.AsArray() ?? []).Select(m => m?["content"]?.ToString()));
}

// An OpenAI-compatible chat completions server on 127.0.0.1 (a free port), for tests of the provider
// chain: it answers POST /v1/chat/completions, plain or streamed (SSE), with usage figures, and behaves
// as scripted: queued replies first, then Responder (by default a short text reply).
public sealed class FakeAiProvider : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<FakeReply> script = new();
    private readonly ConcurrentQueue<FakeRequest> requests = new();
    private readonly CancellationTokenSource stopping = new();
    private int concurrent;
    private int maxConcurrent;
    private int counter;

    private FakeAiProvider(WebApplication app)
    {
        this.app = app;
    }

    public string BaseUrl { get; private set; } = "";

    public string Model { get; init; } = "fake-model";

    // Used when the queue is empty; gets the request and its 1-based number.
    public Func<FakeRequest, int, FakeReply> Responder { get; set; } = (_, _) => FakeReply.Text("{}");

    public IReadOnlyList<FakeRequest> Requests => requests.ToArray();

    public int RequestCount => requests.Count;

    // The most requests this server was handling at the same moment.
    public int MaxConcurrent => Volatile.Read(ref maxConcurrent);

    public static async Task<FakeAiProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeAiProvider(app);
        app.MapPost("/v1/chat/completions", fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        fake.BaseUrl = address + "/v1";
        return fake;
    }

    public FakeAiProvider Enqueue(params FakeReply[] replies)
    {
        foreach (var reply in replies) script.Enqueue(reply);
        return this;
    }

    // Settings for this server as one entry of Ai:Providers.
    public AiProviderOptions Options(string name, string apiKey = "sk-test-key", int timeoutSeconds = 5, int maxConcurrency = 4,
        decimal inputPrice = 1m, decimal outputPrice = 2m) => new()
    {
        Name = name, BaseUrl = BaseUrl, Model = Model, ApiKey = apiKey, TimeoutSeconds = timeoutSeconds, MaxConcurrency = maxConcurrency,
        InputPricePerMillionTokens = inputPrice, OutputPricePerMillionTokens = outputPrice,
    };

    private async Task HandleAsync(HttpContext http)
    {
        var now = Interlocked.Increment(ref concurrent);
        try
        {
            int seen;
            do
            {
                seen = Volatile.Read(ref maxConcurrent);
            }
            while (now > seen && Interlocked.CompareExchange(ref maxConcurrent, now, seen) != seen);

            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var request = new FakeRequest(DateTimeOffset.UtcNow, http.Request.Path, body,
                http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
            requests.Enqueue(request);
            var number = Interlocked.Increment(ref counter);
            var reply = script.TryDequeue(out var next) ? next : Responder(request, number);

            using var aborted = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping.Token);
            try
            {
                if (reply.Delay > TimeSpan.Zero) await Task.Delay(reply.Delay, aborted.Token);
                await ReplyAsync(http, request, reply, aborted.Token);
            }
            catch (OperationCanceledException)
            {
                // The client gave up or the fake is shutting down: nothing more to send.
                http.Abort();
            }
        }
        finally
        {
            Interlocked.Decrement(ref concurrent);
        }
    }

    private async Task ReplyAsync(HttpContext http, FakeRequest request, FakeReply reply, CancellationToken cancellationToken)
    {
        switch (reply.Behaviour)
        {
            case FakeReply.Kind.Hang:
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return;
            case FakeReply.Kind.Status:
                http.Response.StatusCode = reply.StatusCode;
                if (reply.RetryAfter is { } retryAfter) http.Response.Headers.RetryAfter = retryAfter;
                var message = reply.EchoAuthorization && request.Headers.TryGetValue("Authorization", out var auth)
                    ? $"{reply.ErrorMessage}: {auth}"
                    : reply.ErrorMessage;
                await http.Response.WriteAsJsonAsync(new { error = new { message, type = "fake_error", code = reply.StatusCode } }, cancellationToken);
                return;
            case FakeReply.Kind.BrokenBody:
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync("{\"id\": \"chatcmpl-broken\", \"choices\": [", cancellationToken);
                return;
        }

        var stream = request.Stream;
        var includeUsage = request.Json?["stream_options"]?["include_usage"]?.GetValue<bool>() == true;
        if (!stream)
        {
            var json = CompletionJson(reply);
            http.Response.ContentType = "application/json";
            if (reply.Behaviour == FakeReply.Kind.CutStream)
            {
                http.Response.ContentLength = json.Length;
                await http.Response.WriteAsync(json[..(json.Length / 2)], cancellationToken);
                await http.Response.Body.FlushAsync(cancellationToken);
                await CutAsync(http, cancellationToken);
                return;
            }
            await http.Response.WriteAsync(json, cancellationToken);
            return;
        }

        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        var chunks = Chunk(reply.Content, reply.ChunkSize);
        for (var i = 0; i < chunks.Count; i++)
        {
            if (reply.Behaviour == FakeReply.Kind.CutStream && i == reply.ChunksBeforeCut)
            {
                await CutAsync(http, cancellationToken);
                return;
            }
            await SendAsync(http, ChunkJson(new JsonObject { ["content"] = chunks[i], ["role"] = i == 0 ? "assistant" : null }, null, null), cancellationToken);
        }
        if (reply.Behaviour == FakeReply.Kind.CutStream)
        {
            await CutAsync(http, cancellationToken);
            return;
        }
        await SendAsync(http, ChunkJson(new JsonObject(), "stop", null), cancellationToken);
        if (includeUsage) await SendAsync(http, ChunkJson(null, null, Usage(reply)), cancellationToken);
        await http.Response.WriteAsync("data: [DONE]\n\n", cancellationToken);
        await http.Response.Body.FlushAsync(cancellationToken);
    }

    // A reset right after a write can make the client drop bytes it had not read yet: give it a moment.
    private static async Task CutAsync(HttpContext http, CancellationToken cancellationToken)
    {
        await Task.Delay(200, cancellationToken);
        http.Abort();
    }

    private static async Task SendAsync(HttpContext http, JsonObject chunk, CancellationToken cancellationToken)
    {
        await http.Response.WriteAsync($"data: {chunk.ToJsonString()}\n\n", cancellationToken);
        await http.Response.Body.FlushAsync(cancellationToken);
    }

    private static List<string> Chunk(string text, int size)
    {
        var chunks = new List<string>();
        for (var i = 0; i < text.Length; i += size) chunks.Add(text.Substring(i, Math.Min(size, text.Length - i)));
        return chunks;
    }

    private string CompletionJson(FakeReply reply) => new JsonObject
    {
        ["id"] = $"chatcmpl-{Guid.NewGuid():N}",
        ["object"] = "chat.completion",
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["model"] = Model,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply.Content },
            ["finish_reason"] = "stop",
        }),
        ["usage"] = Usage(reply),
    }.ToJsonString();

    // A delta of null makes the usage-only chunk (empty choices) the protocol ends with.
    private JsonObject ChunkJson(JsonObject? delta, string? finishReason, JsonObject? usage)
    {
        var chunk = new JsonObject
        {
            ["id"] = "chatcmpl-stream",
            ["object"] = "chat.completion.chunk",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = Model,
            ["choices"] = delta is null ? new JsonArray() : new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason }),
        };
        if (usage is not null) chunk["usage"] = usage;
        return chunk;
    }

    private static JsonObject Usage(FakeReply reply) => new()
    {
        ["prompt_tokens"] = reply.InputTokens,
        ["completion_tokens"] = reply.OutputTokens,
        ["total_tokens"] = reply.InputTokens + reply.OutputTokens,
    };

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        stopping.Dispose();
    }
}
