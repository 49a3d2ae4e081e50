using CET4Trainer.Core.Data.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CET4Trainer.Core.Features.Demo;

public static class DemoRegistration
{
    // Seeders run in registration order: this one must come after the demo accounts and the bundled items.
    public static IHostApplicationBuilder AddCet4Demo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ISeeder, DemoClassSeeder>();
        return builder;
    }
}
