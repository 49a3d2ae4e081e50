using System.Text.RegularExpressions;

namespace CET4Trainer.Core.Features.Items;

public static partial class TextMeasures
{
    public static int EnglishWords(string? text) => string.IsNullOrEmpty(text) ? 0 : Word().Count(text);

    public static IEnumerable<string> Words(string text) => Word().Matches(text).Select(m => m.Value);

    // CET-4 translation sources are measured in characters: Hanzi and punctuation, not spaces.
    public static int ChineseLength(string? text) => string.IsNullOrEmpty(text) ? 0 : text.Count(c => !char.IsWhiteSpace(c));

    public static int HanCount(string? text) => string.IsNullOrEmpty(text) ? 0 : text.Count(IsHan);

    public static bool HasHan(string? text) => !string.IsNullOrEmpty(text) && text.Any(IsHan);

    public static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    [GeneratedRegex(@"[A-Za-z]+(?:['’-][A-Za-z]+)*")]
    private static partial Regex Word();
}
