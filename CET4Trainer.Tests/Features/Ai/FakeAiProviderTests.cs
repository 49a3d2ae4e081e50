using System.ClientModel;
using System.ClientModel.Primitives;
using CET4Trainer.Tests.TestSupport;
using Microsoft.Extensions.AI;
using OpenAI;

namespace CET4Trainer.Tests.Features.Ai;

// The fake speaks the protocol well enough for the real OpenAI SDK: these keep it honest.
public sealed class FakeAiProviderTests
{
    private static IChatClient Client(FakeAiProvider fake, int timeoutSeconds = 5) =>
        new OpenAIClient(new ApiKeyCredential("sk-fake"), new OpenAIClientOptions
        {
            Endpoint = new Uri(fake.BaseUrl), RetryPolicy = new ClientRetryPolicy(0), NetworkTimeout = TimeSpan.FromSeconds(timeoutSeconds),
        }).GetChatClient(fake.Model).AsIChatClient();

    [Fact]
    public async Task PlainReply_CarriesTextAndUsage_AndTheRequestIsRecorded()
    {
        await using var fake = await FakeAiProvider.StartAsync();
        fake.Enqueue(FakeReply.Text("hello there", inputTokens: 11, outputTokens: 3));

        var response = await Client(fake).GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("hello there", response.Text);
        Assert.Equal(11, response.Usage?.InputTokenCount);
        Assert.Equal(3, response.Usage?.OutputTokenCount);
        var request = Assert.Single(fake.Requests);
        Assert.Equal("Bearer sk-fake", request.Headers["Authorization"]);
        Assert.Contains("hi", request.MessagesText);
        Assert.False(request.Stream);
    }

    [Fact]
    public async Task StreamedReply_ArrivesInChunks_WithUsageAtTheEnd()
    {
        await using var fake = await FakeAiProvider.StartAsync();
        fake.Enqueue(FakeReply.Text("a longer streamed answer", inputTokens: 7, outputTokens: 5));

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in Client(fake).GetStreamingResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken))
            updates.Add(update);

        Assert.Equal("a longer streamed answer", string.Concat(updates.Select(u => u.Text)));
        Assert.True(updates.Count(u => u.Text.Length > 0) >= 3);
        var usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().Single();
        Assert.Equal(7, usage.Details.InputTokenCount);
        Assert.Equal(5, usage.Details.OutputTokenCount);
        Assert.True(fake.Requests[0].Stream);
    }

    [Fact]
    public async Task ErrorReply_SurfacesStatusAndRetryAfter()
    {
        await using var fake = await FakeAiProvider.StartAsync();
        fake.Enqueue(FakeReply.RateLimited("7"));

        var error = await Assert.ThrowsAsync<ClientResultException>(() => Client(fake).GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(429, error.Status);
        Assert.True(error.GetRawResponse()!.Headers.TryGetValue("Retry-After", out var retryAfter));
        Assert.Equal("7", retryAfter);
    }

    [Fact]
    public async Task CutStream_BreaksTheReaderAfterSomeText()
    {
        await using var fake = await FakeAiProvider.StartAsync();
        fake.Enqueue(FakeReply.CutStream("one two three four five six seven", chunksBeforeCut: 2));

        var text = "";
        var error = await Record.ExceptionAsync(async () =>
        {
            await foreach (var update in Client(fake).GetStreamingResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken))
                text += update.Text;
        });

        Assert.IsAssignableFrom<IOException>(error);
        Assert.Equal("one two three fo", text);
    }

    [Fact]
    public async Task Hang_EndsWhenTheClientGivesUp()
    {
        await using var fake = await FakeAiProvider.StartAsync();
        fake.Enqueue(FakeReply.Hang());

        var started = DateTime.UtcNow;
        var error = await Record.ExceptionAsync(() => Client(fake, timeoutSeconds: 1).GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }
}
