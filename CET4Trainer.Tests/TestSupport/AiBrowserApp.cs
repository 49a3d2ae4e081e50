namespace CET4Trainer.Tests.TestSupport;

// The browser fixture with one OpenAI-compatible provider configured: the fake provider on loopback,
// whose replies each test scripts (a working model, or one that is down).
public sealed class AiBrowserApp : BrowserApp
{
    public const string ProviderName = "模拟AI";

    public FakeAiProvider Provider { get; private set; } = default!;

    protected override async ValueTask ConfigureAsync(Cet4AppFactory app)
    {
        Provider = await FakeAiProvider.StartAsync();
        var provider = Provider.Options(ProviderName, apiKey: "sk-browser-test");
        app.With("Ai:Providers:0:Name", provider.Name)
            .With("Ai:Providers:0:BaseUrl", provider.BaseUrl)
            .With("Ai:Providers:0:Model", provider.Model)
            .With("Ai:Providers:0:ApiKey", provider.ApiKey)
            .With("Ai:Providers:0:TimeoutSeconds", "10")
            .With("Ai:Resilience:MaxRetries", "1")
            .With("Ai:Resilience:BaseDelayMilliseconds", "20")
            .With("Ai:Resilience:BreakerBreakSeconds", "1")
            .With("Ai:Limits:RequestsPerUserPerMinute", "100");
    }

    protected override async ValueTask OnDisposedAsync() => await Provider.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class AiBrowserCollection : ICollectionFixture<AiBrowserApp>
{
    public const string Name = "ai-browser";
}
