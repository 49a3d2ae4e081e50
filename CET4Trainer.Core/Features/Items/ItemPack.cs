using System.Text.Json;
using System.Text.Json.Serialization;

namespace CET4Trainer.Core.Features.Items;

// The versioned JSON exchange format: { "format": "cet4trainer.items", "version": 1, "items": [...] }.
public sealed class ItemPack
{
    public const string FormatName = "cet4trainer.items";
    public const int CurrentVersion = 1;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Format { get; set; } = FormatName;
    public int Version { get; set; } = CurrentVersion;
    public List<ItemDraft> Items { get; set; } = [];

    public static string Write(IEnumerable<ItemDraft> items) =>
        JsonSerializer.Serialize(new ItemPack { Items = items.ToList() }, Json);

    // Reads a pack, or explains in one sentence why the file is not one.
    public static (ItemPack? Pack, string? Error) Read(string json)
    {
        ItemPack? pack;
        try
        {
            pack = JsonSerializer.Deserialize<ItemPack>(json, Json);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $"第 {line + 1} 行附近" : "";
            return (null, $"文件不是有效的 JSON{(where.Length > 0 ? "（" + where + "）" : "")}：{ex.Message}");
        }
        if (pack is null || pack.Format != FormatName)
            return (null, $"文件格式不对：需要 \"format\": \"{FormatName}\"。");
        if (pack.Version != CurrentVersion)
            return (null, $"不支持的版本 {pack.Version}：这个版本的 CET4Trainer 读取版本 {CurrentVersion}。");
        return (pack, null);
    }
}
