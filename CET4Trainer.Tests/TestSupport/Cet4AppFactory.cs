using CET4Trainer.Core.Features.Accounts;
using CET4Trainer.Core.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CET4Trainer.Tests.TestSupport;

// The real app host over a real SQLite file in a private temp folder (or PostgreSQL when the
// settings say so). Settings go in through UseSetting, exactly as configuration would.
public class Cet4AppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;

    public Cet4AppFactory()
    {
        settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Folder.File("cet4.db")}",
            ["Seed:DemoData"] = "true",
            ["Seed:DemoPassword"] = DemoPassword,
            // The demo class (30 students and their history) stays out of tests unless one asks for it.
            ["Seed:DemoClass"] = "false",
        };
    }

    // Overrides a setting; call before the first client or service is asked for.
    public Cet4AppFactory With(string key, string? value)
    {
        settings[key] = value;
        return this;
    }

    // Adds or replaces services of the real host (e.g. a task handler); call before the host starts.
    public Cet4AppFactory WithServices(Action<IServiceCollection> configure)
    {
        extraServices.Add(configure);
        return this;
    }

    private readonly List<Action<IServiceCollection>> extraServices = [];

    public TempFolder Folder { get; } = new();

    public string DemoPassword { get; } = PasswordGenerator.Create();

    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        // Files the app writes beside its data (demo-accounts.txt, backups) go to the temp folder.
        builder.ConfigureServices(services =>
        {
            services.AddSingleton(new AppPaths(Folder.Path));
            foreach (var configure in extraServices) configure(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Folder.Dispose();
        }
    }
}
