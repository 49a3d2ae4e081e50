using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;

namespace CET4Trainer.Core.Ai.Engine;

// How a model's JSON answer is read: camelCase names, required members (constructor parameters
// without a default included) and nullable annotations enforced, numbers as numbers, enums by name.
// The schema in the prompt is generated from the same settings.
public static class AiJsonOutput
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        NumberHandling = JsonNumberHandling.Strict,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static readonly ConcurrentDictionary<Type, string> Schemas = new();

    static AiJsonOutput()
    {
        Options.MakeReadOnly(populateMissingResolver: true);
    }

    public static string SchemaFor(Type type) => Schemas.GetOrAdd(type, t =>
        JsonSchemaExporter.GetJsonSchemaAsNode(Options, t, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true })
            .ToJsonString(new JsonSerializerOptions { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

    // The instruction added to every JSON operation's prompt.
    public static string Instruction(Type type) =>
        "Reply with a single JSON object and nothing else (no Markdown, no comments). It must match this JSON schema:\n" + SchemaFor(type);

    // Null with the reasons when the text is not a valid TOutput. Tolerates ```json fences and text around the object.
    public static T? TryRead<T>(string? text, out IReadOnlyList<string> errors) where T : class
    {
        var json = Unwrap(text);
        if (json.Length == 0)
        {
            errors = ["The reply was empty; a JSON object was expected."];
            return null;
        }
        try
        {
            var value = JsonSerializer.Deserialize<T>(json, Options);
            errors = value is null ? ["The reply was null; a JSON object was expected."] : [];
            return value;
        }
        catch (JsonException ex)
        {
            errors = [ex.Message];
            return null;
        }
    }

    internal static string Unwrap(string? text)
    {
        var s = (text ?? "").Trim();
        if (s.StartsWith("```", StringComparison.Ordinal))
        {
            var firstLine = s.IndexOf('\n');
            s = firstLine < 0 ? "" : s[(firstLine + 1)..];
            var fence = s.LastIndexOf("```", StringComparison.Ordinal);
            if (fence >= 0) s = s[..fence];
            s = s.Trim();
        }
        // A sentence before or after the object ("Here is the JSON: {...}").
        if (!s.StartsWith('{') && !s.StartsWith('['))
        {
            var start = s.IndexOf('{');
            var end = s.LastIndexOf('}');
            if (start >= 0 && end > start) s = s[start..(end + 1)];
        }
        return s;
    }
}
