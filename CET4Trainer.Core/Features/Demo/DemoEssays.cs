using System.Text;
using System.Text.RegularExpressions;

namespace CET4Trainer.Core.Features.Demo;

// Student writing for the demo history, made from the item's model answer: a strong student keeps
// most of it, a weak one writes less, loses the linking words and misspells. The offline grader then
// scores these texts as it would any student's, so the scores follow the quality.
public static partial class DemoEssays
{
    private static readonly string[] Connectives =
        ["However, ", "Therefore, ", "In addition, ", "Moreover, ", "Furthermore, ", "First, ", "Second, ", "Finally, ", "In conclusion, ",
         "On the one hand, ", "On the other hand, ", "For example, ", "As a result, ", "Besides, ", "What's more, "];

    // quality: 0 (very weak) to 1 (excellent).
    public static string Write(string reference, double quality, Random random)
    {
        var sentences = SentenceEnd().Split(reference.Trim()).Where(s => s.Length > 0).ToList();
        if (sentences.Count == 0) return "";
        var keepShare = 0.3 + 0.7 * quality;
        var keep = Math.Max(2, (int)Math.Round(sentences.Count * keepShare));
        // Weak writers stop early rather than skip from sentence to sentence.
        var kept = sentences.Take(keep).ToList();
        var text = new StringBuilder();
        foreach (var sentence in kept)
        {
            var s = sentence;
            if (random.NextDouble() > quality)
            {
                foreach (var c in Connectives)
                {
                    if (s.StartsWith(c, StringComparison.Ordinal)) s = char.ToUpperInvariant(s[c.Length]) + s[(c.Length + 1)..];
                }
            }
            s = Word().Replace(s, m => random.NextDouble() < (1 - quality) * 0.12 ? Misspell(m.Value, random) : m.Value);
            if (text.Length > 0) text.Append(' ');
            text.Append(s);
        }
        return text.ToString();
    }

    // Two neighbouring letters swapped: the kind of slip a hurried writer makes.
    private static string Misspell(string word, Random random)
    {
        if (word.Length < 5) return word;
        var i = 1 + random.Next(word.Length - 3);
        var letters = word.ToCharArray();
        (letters[i], letters[i + 1]) = (letters[i + 1], letters[i]);
        return new string(letters);
    }

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\b[a-z]{5,}\b")]
    private static partial Regex Word();
}
