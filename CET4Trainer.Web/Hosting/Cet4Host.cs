using CET4Trainer.Core.Hosting;

namespace CET4Trainer.Web.Hosting;

public static class Cet4Host
{
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        // The content root is the app's own folder (build output or published folder), so wwwroot is
        // found wherever the app is started from; the settings file is located separately.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        var settings = SettingsFile.Locate();
        ((IHostApplicationBuilder)builder).Properties[typeof(AppPaths)] = new AppPaths(Path.GetDirectoryName(settings)!);
        SettingsFile.Apply(builder.Configuration, settings, builder.Environment.EnvironmentName, args);
        // Static assets of the build output are served from the project in every environment, so
        // `dotnet run` works in Production too; a published folder carries its own wwwroot.
        builder.WebHost.UseStaticWebAssets();
        return builder;
    }
}
