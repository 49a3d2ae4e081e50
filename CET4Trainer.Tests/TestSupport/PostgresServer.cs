using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CET4Trainer.Tests.TestSupport;

// A throwaway PostgreSQL server: initdb into a temp folder, listen on a free loopback port, removed
// afterwards. PostgreSQL refuses to run as root, so as root the server runs as the postgres user.
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly TempFolder folder = new("cet4-pg-");
    private string bin = "";

    public int Port { get; private set; }

    private string DataDir => Path.Combine(folder.Path, "data");

    public async ValueTask InitializeAsync()
    {
        bin = FindBinaries();
        Port = FreePort();
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", folder.Path], asPostgres: false);
        }
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", DataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--locale=C"], asRoot);
        await RunAsync(Path.Combine(bin, "pg_ctl"),
            ["-D", DataDir, "-l", Path.Combine(folder.Path, "server.log"), "-w", "-t", "60",
             "-o", $"-p {Port} -h 127.0.0.1 -k {folder.Path} -F -c max_connections=200", "start"], asRoot);
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Pooling = true }.ToString();

    public async Task<string> CreateDatabaseAsync(string prefix = "cet4")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..30];
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataDir, "postmaster.pid")))
        {
            await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", DataDir, "-m", "immediate", "-w", "stop"], Environment.UserName == "root");
        }
        folder.Dispose();
    }

    private static string FindBinaries()
    {
        var root = "/usr/lib/postgresql";
        var versions = Directory.Exists(root) ? Directory.GetDirectories(root).OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).ToArray() : [];
        return versions.Select(v => Path.Combine(v, "bin")).FirstOrDefault(b => File.Exists(Path.Combine(b, "initdb")))
            ?? throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql; install the postgresql package (scripts/test.sh does).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string[] args, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/tmp",
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(a);
            }
        }
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
