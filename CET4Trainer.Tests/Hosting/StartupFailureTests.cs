using System.Diagnostics;
using CET4Trainer.Tests.TestSupport;

namespace CET4Trainer.Tests.Hosting;

// Starts the real app process with one bad setting and reads what it says on the way out.
public sealed class StartupFailureTests
{
    [Theory]
    [InlineData("Database__Provider", "Oracle", "Database:Provider")]
    [InlineData("Jobs__MaxConcurrency", "0", "Jobs:MaxConcurrency")]
    [InlineData("Locale__TimeZone", "Mars/Olympus", "Locale:TimeZone")]
    [InlineData("Monitoring__MetricsAllowedAddresses__0", "intranet", "Monitoring:MetricsAllowedAddresses:0")]
    [InlineData("Ai__Providers__0__Name", "local", "Ai:Providers:0:BaseUrl")]
    public async Task BadSetting_StopsStartupWithNonZeroExitNamingTheKey(string variable, string value, string expectedKey)
    {
        using var folder = new TempFolder();
        var (exitCode, output) = await RunAppAsync(folder, new() { [variable] = value });

        Assert.NotEqual(0, exitCode);
        Assert.Contains(expectedKey, output);
    }

    internal static async Task<(int ExitCode, string Output)> RunAppAsync(TempFolder folder, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { WebAppDll(), "--urls", "http://127.0.0.1:0" },
            WorkingDirectory = folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Database__ConnectionString"] = $"Data Source={folder.File("cet4.db")}";
        start.Environment["Seed__DemoPassword"] = "Startup-test-2026";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The app did not stop within 60 s although its settings are invalid.");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    // The web project's own build output, beside this test project's.
    internal static string WebAppDll()
    {
        var testBin = AppContext.BaseDirectory;
        var webBin = testBin.Replace($"{Path.DirectorySeparatorChar}CET4Trainer.Tests{Path.DirectorySeparatorChar}",
            $"{Path.DirectorySeparatorChar}CET4Trainer.Web{Path.DirectorySeparatorChar}");
        var dll = Path.Combine(webBin, "CET4Trainer.Web.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build CET4Trainer.Web first", dll);
    }
}
