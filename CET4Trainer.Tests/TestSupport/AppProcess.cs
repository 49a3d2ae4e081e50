using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CET4Trainer.Tests.Hosting;

namespace CET4Trainer.Tests.TestSupport;

// The app as its own process (the web project's build output), on a fixed loopback port, so a test can
// kill it outright and start it again on the same data.
public sealed class AppProcess : IDisposable
{
    private readonly Dictionary<string, string> environment;
    private readonly StringBuilder output = new();
    private Process? process;

    public AppProcess(TempFolder folder, string demoPassword, Dictionary<string, string> settings)
    {
        Port = FreePort();
        environment = new Dictionary<string, string>(settings)
        {
            ["Database__ConnectionString"] = $"Data Source={folder.File("cet4.db")}",
            ["Seed__DemoPassword"] = demoPassword,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        // The demo class (30 students and their history) stays out unless a test asks for it.
        environment.TryAdd("Seed__DemoClass", "false");
        Folder = folder;
    }

    public int Port { get; }

    public TempFolder Folder { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public string Output
    {
        get
        {
            lock (output) return output.ToString();
        }
    }

    public async Task StartAsync(TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { StartupFailureTests.WebAppDll(), "--urls", BaseUrl },
            WorkingDirectory = Folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The app exited with {process.ExitCode}:\n{Output}");
            try
            {
                if ((await probe.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The app was not ready within {timeout}:\n{Output}");
    }

    // SIGKILL: no shutdown hooks, no lease hand-back, exactly like a crash or an OOM kill.
    public void Kill()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Kill();
        process?.Dispose();
    }
}
