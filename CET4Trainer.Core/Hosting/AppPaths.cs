using Microsoft.Extensions.Hosting;

namespace CET4Trainer.Core.Hosting;

// Relative paths in settings (the SQLite file, logs, backups) are taken relative to the folder that
// holds the settings file, so the app finds its data wherever it is started from.
public sealed class AppPaths(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string Data => Path.Combine(Root, "data");

    public string Logs => Path.Combine(Root, "logs");

    public string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(Root, path));

    public static AppPaths Of(IHostApplicationBuilder builder) =>
        builder.Properties.TryGetValue(typeof(AppPaths), out var paths) && paths is AppPaths known
            ? known
            : new AppPaths(Directory.GetCurrentDirectory());
}
