using System.Globalization;
using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Ai.Engine;
using CET4Trainer.Core.Ai.Recording;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Hosting;
using CET4Trainer.Core.Telemetry;
using CET4Trainer.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CET4Trainer.Tests.Features.Ai;

// The AI engine as the app registers it (AddCet4Ai, options bound from configuration and
// validated), over a real SQLite file, with every log line captured. Providers are fake servers.
public sealed class AiGatewayHarness : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly SqliteTestDatabase database = new();

    // Small delays so retries and breakers play out in test time.
    public static readonly IReadOnlyDictionary<string, string?> QuickResilience = new Dictionary<string, string?>
    {
        ["Ai:Resilience:MaxRetries"] = "2",
        ["Ai:Resilience:BaseDelayMilliseconds"] = "20",
        ["Ai:Resilience:MaxRetryAfterSeconds"] = "5",
        ["Ai:Resilience:BreakerMinimumThroughput"] = "100",
        ["Ai:Resilience:BreakerBreakSeconds"] = "1",
    };

    public AiGatewayHarness(IEnumerable<AiProviderOptions> providers, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        var config = new Dictionary<string, string?>(QuickResilience);
        var i = 0;
        foreach (var p in providers)
        {
            var key = $"Ai:Providers:{i++}";
            config[$"{key}:Name"] = p.Name;
            config[$"{key}:BaseUrl"] = p.BaseUrl;
            config[$"{key}:Model"] = p.Model;
            config[$"{key}:ApiKey"] = p.ApiKey;
            config[$"{key}:TimeoutSeconds"] = p.TimeoutSeconds.ToString(CultureInfo.InvariantCulture);
            config[$"{key}:MaxConcurrency"] = p.MaxConcurrency.ToString(CultureInfo.InvariantCulture);
            config[$"{key}:InputPricePerMillionTokens"] = p.InputPricePerMillionTokens.ToString(CultureInfo.InvariantCulture);
            config[$"{key}:OutputPricePerMillionTokens"] = p.OutputPricePerMillionTokens.ToString(CultureInfo.InvariantCulture);
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) config[key] = value;
        builder.Configuration.AddInMemoryCollection(config);
        builder.Logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IDbContextFactory<AppDbContext>>(database);
        builder.Services.AddOptions<LocaleOptions>();
        builder.Services.AddSingleton<LocalClock>();
        builder.AddCet4Ai();
        services = builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public CapturedLogs Logs { get; } = new();

    public SqliteTestDatabase Database => database;

    public AiGateway Gateway => services.GetRequiredService<AiGateway>();

    public AiProviderChain Chain => services.GetRequiredService<AiProviderChain>();

    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    public async Task<List<AiCall>> CallsAsync()
    {
        await using var db = database.CreateDbContext();
        return await db.AiCalls.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
    }

    public async Task<HealthReportEntry> HealthAsync()
    {
        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return report.Entries[AiProvidersHealthCheck.Name];
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        database.Dispose();
    }
}
