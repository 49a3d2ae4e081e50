namespace CET4Trainer.Core.Operations.Alerts;

public sealed record AlertSignalInfo(string Name, string Label, string Unit, bool IsPercent);

// The signals a rule can watch. Rates are percentages (0-100), not fractions, so thresholds read as shown.
public static class AlertSignalNames
{
    public const string LatencyP95Ms = "latency_p95_ms";
    public const string ErrorRate = "error_rate";
    public const string CpuPercent = "cpu_percent";
    public const string MemoryMb = "memory_mb";
    public const string DiskFreePercent = "disk_free_percent";
    public const string AiFailureRate = "ai_failure_rate";
    public const string AiCircuitOpen = "ai_circuit_open";
    public const string TaskQueueDepth = "task_queue_depth";
    public const string JobFailures = "job_failures";

    public static readonly IReadOnlyList<AlertSignalInfo> All =
    [
        new(LatencyP95Ms, "请求延迟 P95", "ms", false),
        new(ErrorRate, "请求错误率", "%", true),
        new(CpuPercent, "CPU 占用", "%", true),
        new(MemoryMb, "内存占用", "MB", false),
        new(DiskFreePercent, "磁盘剩余空间", "%", true),
        new(AiFailureRate, "AI 调用失败率", "%", true),
        new(AiCircuitOpen, "熔断中的 AI 服务", "个", false),
        new(TaskQueueDepth, "AI 任务排队数", "个", false),
        new(JobFailures, "后台作业失败（15 分钟内）", "次", false),
    ];

    public static AlertSignalInfo Info(string signal) =>
        All.FirstOrDefault(s => s.Name == signal) ?? new AlertSignalInfo(signal, signal, "", false);
}
