using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Ai.Engine;
using CET4Trainer.Core.Ai.Recording;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Tests.TestSupport;

// The real gateway with no providers configured, so every operation is answered by the offline engine,
// for service tests that do not need the app host.
public static class OfflineGateway
{
    public static AiGateway Create(IDbContextFactory<AppDbContext> database, TimeProvider clock, AiOptions? options = null)
    {
        var ai = Options.Create(options ?? new AiOptions());
        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new AiMetrics(meters.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var monitor = new StaticMonitor<AiOptions>(ai.Value);
        var budget = new AiBudget(database, new LocalClock(clock, Options.Create(new LocaleOptions())), monitor);
        return new AiGateway(new AiProviderChain(ai, metrics, NullLogger<AiProviderChain>.Instance), new AiCallRecorder(database, NullLogger<AiCallRecorder>.Instance),
            metrics, budget, new AiUserRateLimiter(ai), clock, NullLogger<AiGateway>.Instance);
    }

    private sealed class StaticMonitor<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
