using CET4Trainer.Core.Ai;

namespace CET4Trainer.Tests.Features.Ai;

public sealed class AiOptionsValidatorTests
{
    private static readonly AiOptionsValidator Validator = new();

    [Fact]
    public void EmptyProviderList_IsValid_OfflineEngineOnly()
    {
        Assert.True(Validator.Validate(null, new AiOptions()).Succeeded);
    }

    [Fact]
    public void CompleteProvider_IsValid()
    {
        var options = new AiOptions { Providers = [new() { Name = "deepseek", BaseUrl = "https://api.deepseek.com/v1", Model = "deepseek-chat" }] };

        Assert.True(Validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void EveryBrokenField_IsReportedByItsKey()
    {
        var options = new AiOptions
        {
            Providers =
            [
                new() { Name = "a", BaseUrl = "https://x.example/v1", Model = "m" },
                new() { Name = "A", BaseUrl = "ftp://x", Model = "", MaxConcurrency = 0, TimeoutSeconds = 0, InputPricePerMillionTokens = -1 },
            ],
        };

        var failures = Validator.Validate(null, options).Failures!.ToList();

        Assert.Contains(failures, f => f.StartsWith("Ai:Providers:1:Name"));
        Assert.Contains(failures, f => f.StartsWith("Ai:Providers:1:BaseUrl"));
        Assert.Contains(failures, f => f.StartsWith("Ai:Providers:1:Model"));
        Assert.Contains(failures, f => f.StartsWith("Ai:Providers:1:MaxConcurrency"));
        Assert.Contains(failures, f => f.StartsWith("Ai:Providers:1:TimeoutSeconds"));
        Assert.Contains(failures, f => f.StartsWith("Ai:Providers:1: prices"));
        Assert.DoesNotContain(failures, f => f.StartsWith("Ai:Providers:0"));
    }
}
