using CET4Trainer.Tests.Hosting;
using CET4Trainer.Tests.TestSupport;

namespace CET4Trainer.Tests.Features.Grading;

public sealed class GradingSettingsTests
{
    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    public async Task ReviewThresholdOutsideZeroToOne_StopsStartupNamingTheKey(string value)
    {
        using var folder = new TempFolder();

        var (exitCode, output) = await StartupFailureTests.RunAppAsync(folder, new() { ["Grading__ReviewBelowConfidence"] = value });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Grading:ReviewBelowConfidence", output);
    }
}
