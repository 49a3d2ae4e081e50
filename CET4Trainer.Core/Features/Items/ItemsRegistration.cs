using CET4Trainer.Core.Data.Seeding;
using CET4Trainer.Core.Features.Vocabulary;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CET4Trainer.Core.Features.Items;

public static class ItemsRegistration
{
    public static IHostApplicationBuilder AddCet4Content(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => new ItemBankService(sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Data.AppDbContext>>(), sp.GetRequiredService<TimeProvider>(), sp.GetServices<IItemChangeListener>()));
        builder.Services.AddSingleton<ItemImportService>();
        builder.Services.AddSingleton<PaperAssembler>();
        builder.Services.AddSingleton<Generators.WordIndexProvider>();
        builder.Services.AddSingleton<Generators.GeneratorService>();
        builder.Services.AddScoped<ISeeder, VocabularySeeder>();
        builder.Services.AddScoped<ISeeder, StarterContentSeeder>();
        return builder;
    }
}
