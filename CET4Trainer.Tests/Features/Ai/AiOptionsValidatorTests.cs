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

public sealed class AiResilienceOptionsValidatorTests
{
    private static readonly AiOptionsValidator Validator = new();

    [Fact]
    public void Defaults_AreValid_AndChaosIsOff()
    {
        var options = new AiOptions();

        Assert.True(Validator.Validate(null, options).Succeeded);
        Assert.False(options.Chaos.Enabled);
        Assert.Equal(30, options.Resilience.MaxRetryAfterSeconds);
    }

    [Fact]
    public void BrokenResilienceChaosAndLimitSettings_AreEachReportedByTheirKey()
    {
        var options = new AiOptions
        {
            Resilience = new()
            {
                MaxRetries = 11, BaseDelayMilliseconds = 0, MaxRetryAfterSeconds = -1, BreakerFailureRatio = 0, BreakerMinimumThroughput = 1,
                BreakerSamplingSeconds = 0, BreakerBreakSeconds = 0, QueueLimit = -1,
            },
            Chaos = new() { Enabled = true, FaultRate = 1.5, LatencyMilliseconds = -5 },
            Limits = new() { RequestsPerUserPerMinute = 0, TasksPerUserPerHour = 0, DailyCostBudgetPerTeacher = -1 },
        };

        var failures = Validator.Validate(null, options).Failures!.ToList();

        foreach (var key in new[]
        {
            "Ai:Resilience:MaxRetries", "Ai:Resilience:BaseDelayMilliseconds", "Ai:Resilience:MaxRetryAfterSeconds", "Ai:Resilience:BreakerFailureRatio",
            "Ai:Resilience:BreakerMinimumThroughput", "Ai:Resilience:BreakerSamplingSeconds", "Ai:Resilience:BreakerBreakSeconds", "Ai:Resilience:QueueLimit",
            "Ai:Chaos: FaultRate", "Ai:Chaos:LatencyMilliseconds", "Ai:Limits:RequestsPerUserPerMinute", "Ai:Limits:TasksPerUserPerHour",
            "Ai:Limits:DailyCostBudgetPerTeacher",
        })
        {
            Assert.Contains(failures, f => f.StartsWith(key));
        }
    }

    [Fact]
    public void ABadSetting_StopsTheEngineFromStarting_WithTheKeyInTheMessage()
    {
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            new AiGatewayHarness([], new Dictionary<string, string?> { ["Ai:Resilience:BreakerFailureRatio"] = "2" }).Gateway);

        Assert.Contains("Ai:Resilience:BreakerFailureRatio", error.Message);
    }
}
