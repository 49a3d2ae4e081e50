using System.Text.Json;
using CET4Trainer.Core.Features.AiTasks;

namespace CET4Trainer.Core.Features.QuestionGeneration;

// One entry of a generation task's result list: the saved draft, or why the item was discarded.
public sealed record GenerationUnit(int Number, int? ItemId, string? Title, string? Discarded, string? Engine)
{
    public static IReadOnlyList<GenerationUnit> Parse(string? resultJson)
    {
        if (string.IsNullOrWhiteSpace(resultJson)) return [];
        try
        {
            return JsonSerializer.Deserialize<List<GenerationUnit?>>(resultJson, AiTaskJson.Options)?.OfType<GenerationUnit>().OrderBy(u => u.Number).ToList() ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
