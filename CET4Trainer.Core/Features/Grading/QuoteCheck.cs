using System.Text;

namespace CET4Trainer.Core.Features.Grading;

// Looks a quote up in the student's text. A model may re-type quotation marks, change case, join
// lines or shorten a quote with an ellipsis; none of that makes a quote invented, so those differences
// are normalised away. Anything else (a changed word, a "corrected" spelling) is not found.
public static class QuoteCheck
{
    public static bool Found(string? quote, string response)
    {
        if (string.IsNullOrWhiteSpace(quote)) return false;
        var text = Normalise(response);
        var fragments = Normalise(quote).Trim('"', '\'', ' ')
            .Split("...", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fragments.Length == 0) return false;
        var from = 0;
        foreach (var fragment in fragments)
        {
            var at = text.IndexOf(fragment, from, StringComparison.Ordinal);
            if (at < 0) return false;
            from = at + fragment.Length;
        }
        return true;
    }

    // Compatibility forms folded (full-width punctuation, "…" to "..."), curly quotes made straight,
    // runs of white space made one space, lower case.
    public static string Normalise(string text)
    {
        var result = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var raw in text.Normalize(NormalizationForm.FormKC))
        {
            var c = raw switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '`' or '\u00B4' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
                _ => raw,
            };
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }
            if (pendingSpace) result.Append(' ');
            pendingSpace = false;
            result.Append(char.ToLowerInvariant(c));
        }
        return result.ToString();
    }
}
