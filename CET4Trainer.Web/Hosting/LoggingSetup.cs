using System.Globalization;
using CET4Trainer.Core.Hosting;
using Serilog;
using Serilog.Extensions.Hosting;

namespace CET4Trainer.Web.Hosting;

public static class LoggingSetup
{
    // Levels come from the "Serilog" section; the sinks are fixed here so that log files land in
    // logs/ beside the settings file wherever the app is started from.
    public static WebApplicationBuilder AddCet4Logging(this WebApplicationBuilder builder)
    {
        var paths = AppPaths.Of(builder);
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture)
            .WriteTo.File(
                Path.Combine(paths.Logs, "cet4-.log"),
                formatProvider: CultureInfo.InvariantCulture,
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 14,
                shared: true,
                outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext} {RequestId} {Message:lj}{NewLine}{Exception}")
            .CreateLogger();
        Log.Logger = logger;

        // Serilog is a logging provider, not the host's logger: that keeps redaction and the
        // framework's own providers composable (see docs/decisions/0005-logging.md).
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        var diagnostics = new DiagnosticContext(logger);
        builder.Services.AddSingleton(diagnostics);
        builder.Services.AddSingleton<IDiagnosticContext>(diagnostics);
        return builder;
    }
}
