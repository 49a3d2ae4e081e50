using System.Diagnostics;

namespace CET4Trainer.Core.Operations.Alerts;

// Memory and CPU of this process. CPU is the share of all cores used since the previous reading, so
// the first reading after start-up is unknown rather than a guess.
public sealed class ProcessSignals(TimeProvider clock) : IAlertSignalSource
{
    private readonly Lock gate = new();
    private TimeSpan lastCpu;
    private long lastTimestamp;

    public IReadOnlyCollection<string> Signals { get; } = [AlertSignalNames.MemoryMb, AlertSignalNames.CpuPercent];

    public ValueTask<double?> ReadAsync(string signal, CancellationToken cancellationToken) => signal switch
    {
        AlertSignalNames.MemoryMb => ValueTask.FromResult<double?>(Math.Round(Environment.WorkingSet / 1024d / 1024d, 1)),
        AlertSignalNames.CpuPercent => ValueTask.FromResult(Cpu()),
        _ => ValueTask.FromResult<double?>(null),
    };

    private double? Cpu()
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var now = clock.GetTimestamp();
        lock (gate)
        {
            var previousCpu = lastCpu;
            var previousTimestamp = lastTimestamp;
            lastCpu = cpu;
            lastTimestamp = now;
            if (previousTimestamp == 0) return null;
            var elapsed = clock.GetElapsedTime(previousTimestamp, now);
            if (elapsed <= TimeSpan.Zero) return null;
            var share = (cpu - previousCpu).TotalMilliseconds / (elapsed.TotalMilliseconds * Environment.ProcessorCount) * 100;
            return Math.Round(Math.Clamp(share, 0, 100), 1);
        }
    }
}
