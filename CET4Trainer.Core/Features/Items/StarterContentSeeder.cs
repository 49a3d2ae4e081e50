using System.Reflection;
using CET4Trainer.Core.Data.Seeding;
using Microsoft.Extensions.Logging;

namespace CET4Trainer.Core.Features.Items;

// Loads the bundled starter items (Content/StarterPack) through the same shape rules as any import.
// Items are matched by key, so a new release can add items without touching existing ones.
internal sealed class StarterContentSeeder(ItemImportService import, ILogger<StarterContentSeeder> logger) : ISeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var (name, json) in Packs())
        {
            var result = await import.ImportBundledAsync(json, cancellationToken);
            if (!result.Succeeded)
            {
                throw new InvalidDataException($"Bundled content {name} breaks the item shape rules: {string.Join("; ", result.Problems)}");
            }
            if (result.Imported > 0)
            {
                logger.LogInformation("Loaded {Count} starter items from {Pack}", result.Imported, name);
            }
        }
    }

    public static IEnumerable<(string Name, string Json)> Packs()
    {
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("StarterPack.", StringComparison.Ordinal)).Order())
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            yield return (name, reader.ReadToEnd());
        }
    }
}
