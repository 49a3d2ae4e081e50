using CET4Trainer.Core;
using CET4Trainer.Web.Hosting;
using Serilog;

// Settings come from the root appsettings.json (see Hosting/SettingsFile.cs); a bad value stops start-up here.
try
{
    var builder = Cet4Host.CreateBuilder(args);
    builder.AddCet4Logging();
    builder.AddCet4Core();
    builder.AddCet4Web();

    var app = builder.Build();
    app.UseCet4Pipeline();
    app.MapCet4Endpoints();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartupFailure.IsConfigurationError(ex))
{
    StartupFailure.Report(ex);
    return 2;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "CET4Trainer stopped unexpectedly");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

public partial class Program;
