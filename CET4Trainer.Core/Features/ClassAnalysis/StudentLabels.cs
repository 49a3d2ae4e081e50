using System.Text.RegularExpressions;

namespace CET4Trainer.Core.Features.ClassAnalysis;

// "学生 1", "学生 2"...: how students are named to an AI provider, and the way back to real names on screen.
public static partial class StudentLabels
{
    public static string For(int index) => $"学生 {index + 1}";

    // Every mention of a known label in `text` replaced by that student's name; unknown labels stay as they are.
    public static string MapBack(string? text, IReadOnlyDictionary<string, string> names) =>
        string.IsNullOrEmpty(text) ? "" : Label().Replace(text, m => names.TryGetValue($"学生 {m.Groups[1].Value}", out var name) ? name : m.Value);

    // All labels mentioned in a text, normalised to "学生 N".
    public static IEnumerable<string> Mentioned(string? text) =>
        string.IsNullOrEmpty(text) ? [] : Label().Matches(text).Select(m => $"学生 {m.Groups[1].Value}");

    public static string Normalise(string? label) => Label().Match(label ?? "") is { Success: true } m ? $"学生 {m.Groups[1].Value}" : label?.Trim() ?? "";

    [GeneratedRegex(@"学生\s*(\d+)")]
    private static partial Regex Label();
}
