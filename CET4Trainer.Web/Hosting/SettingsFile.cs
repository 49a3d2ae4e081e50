namespace CET4Trainer.Web.Hosting;

// The one file users edit is appsettings.json at the repository root. Started from the root
// (`dotnet run --project CET4Trainer.Web`) it is read in place; a published folder carries a copy
// beside the binaries. Environment variables and the command line override it as usual.
public static class SettingsFile
{
    public const string FileName = "appsettings.json";

    public static string Locate()
    {
        var inWorkingDirectory = Path.Combine(Directory.GetCurrentDirectory(), FileName);
        return File.Exists(inWorkingDirectory) ? inWorkingDirectory : Path.Combine(AppContext.BaseDirectory, FileName);
    }

    public static void Apply(ConfigurationManager configuration, string path, string environment, string[] args)
    {
        var folder = Path.GetDirectoryName(path)!;
        configuration.Sources.Clear();
        configuration.AddJsonFile(path, optional: false, reloadOnChange: false);
        configuration.AddJsonFile(Path.Combine(folder, $"appsettings.{environment}.json"), optional: true, reloadOnChange: false);
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(args);
    }
}
