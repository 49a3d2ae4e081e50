using System.Diagnostics;
using System.Reflection;
using CET4Trainer.Core.Data;

namespace CET4Trainer.Core.Telemetry;

public sealed record RuntimeSnapshot(
    string Version, string Runtime, string DatabaseProvider, DateTime StartedUtc, TimeSpan Uptime,
    long WorkingSetBytes, long GcHeapBytes, int ProcessorCount);

// Facts about this process for the admin overview; nothing here is secret (no connection strings).
public sealed class RuntimeInfo(ResolvedDatabase database, TimeProvider clock)
{
    private readonly DateTime started = Process.GetCurrentProcess().StartTime.ToUniversalTime();

    public RuntimeSnapshot Read()
    {
        var version = typeof(RuntimeInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev";
        return new RuntimeSnapshot(
            version.Split('+')[0],
            System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
            database.Provider,
            started,
            clock.GetUtcNow().UtcDateTime - started,
            Environment.WorkingSet,
            GC.GetTotalMemory(forceFullCollection: false),
            Environment.ProcessorCount);
    }
}
