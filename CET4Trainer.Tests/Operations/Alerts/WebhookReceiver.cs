using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CET4Trainer.Tests.Operations.Alerts;

// A real HTTP endpoint on loopback that answers 500 to its first N posts (or to all of them), then 200.
// It can hold the first request open until the test lets it go.
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TaskCompletionSource firstArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int count;

    private WebhookReceiver(WebApplication app, int failFirst, bool holdFirst)
    {
        this.app = app;
        FailFirst = failFirst;
        if (!holdFirst) release.SetResult();
    }

    public int FailFirst { get; }

    public int Status { get; init; } = StatusCodes.Status500InternalServerError;

    public string Url { get; private set; } = "";

    public ConcurrentQueue<JsonElement> Bodies { get; } = new();

    public Task FirstArrived => firstArrived.Task;

    public int Count => Volatile.Read(ref count);

    public void Release() => release.TrySetResult();

    public static async Task<WebhookReceiver> StartAsync(int failFirst, bool holdFirst = false, int status = 500)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, failFirst, holdFirst) { Status = status };
        app.MapPost("/hooks/alerts", receiver.HandleAsync);
        await app.StartAsync();
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/hooks/alerts";
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var number = Interlocked.Increment(ref count);
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
        Bodies.Enqueue(body);
        if (number == 1)
        {
            firstArrived.TrySetResult();
            await release.Task;
        }
        context.Response.StatusCode = number <= FailFirst ? Status : StatusCodes.Status200OK;
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
