using System.Text.RegularExpressions;
using CET4Trainer.Core.Features.Items;

namespace CET4Trainer.Core.Features.ClassAnalysis;

// Removes what identifies a person from student-written text before it may go into a prompt: the class
// members' names (and given names), e-mails, user names, student numbers and ids, any e-mail address,
// and long digit runs (student or phone numbers).
public sealed partial class Redactor
{
    public const string Mark = "[已隐去]";

    private readonly List<Regex> patterns = [];

    public Redactor(IEnumerable<string?> identifiers)
    {
        var terms = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in identifiers)
        {
            var id = raw?.Trim();
            if (string.IsNullOrEmpty(id) || id.Length < 2) continue;
            terms.Add(id);
            if (id.Contains('@') && id[..id.IndexOf('@')] is { Length: >= 3 } local) terms.Add(local);
            // A Chinese name's given name ("小明" of "王小明") is how classmates write it.
            if (id.Length is 3 or 4 && id.All(TextMeasures.IsHan)) terms.Add(id[1..]);
            foreach (var part in id.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(p => p.Length >= 3 && p != id))
                terms.Add(part);
        }
        foreach (var term in terms.OrderByDescending(t => t.Length))
        {
            var escaped = Regex.Escape(term);
            // Latin terms only as whole words, so a name like "Grace" does not cut into "disgraceful".
            patterns.Add(new Regex(term.Any(TextMeasures.IsHan) ? escaped : $"(?<![A-Za-z0-9]){escaped}(?![A-Za-z0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
        }
    }

    public string Apply(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        foreach (var pattern in patterns) text = pattern.Replace(text, Mark);
        text = Email().Replace(text, Mark);
        return LongNumber().Replace(text, Mark);
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"\d{6,}")]
    private static partial Regex LongNumber();
}
