using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Ai.Engine;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CET4Trainer.Core.Telemetry;

// Readiness of the AI providers. An open circuit is Degraded, never Unhealthy: the offline engine
// still answers, so the app stays in service while a provider is down.
public sealed class AiProvidersHealthCheck(AiProviderChain chain) : IHealthCheck
{
    public const string Name = "ai-providers";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var providers = chain.Status();
        if (providers.Count == 0)
            return Task.FromResult(HealthCheckResult.Healthy("未配置 AI 服务，由离线引擎回答。"));
        var data = providers.ToDictionary(p => p.Name, p => (object)p.Circuit.ToString());
        var description = string.Join("；", providers.Select(p => $"{p.Name}：{Label(p.Circuit)}"));
        var notClosed = providers.Count(p => p.Circuit != AiCircuitState.Closed);
        var result = notClosed == 0
            ? HealthCheckResult.Healthy(description, data)
            : HealthCheckResult.Degraded(notClosed == providers.Count ? description + "。所有服务都不可用，由离线引擎回答。" : description, data: data);
        return Task.FromResult(result);
    }

    public static string Label(AiCircuitState state) => state switch
    {
        AiCircuitState.Open => "熔断中",
        AiCircuitState.HalfOpen => "试探恢复中",
        _ => "正常",
    };
}
