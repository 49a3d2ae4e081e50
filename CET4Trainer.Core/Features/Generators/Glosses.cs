using System.Text.RegularExpressions;
using CET4Trainer.Core.Features.Items;

namespace CET4Trainer.Core.Features.Generators;

// Decides whether two Chinese glosses may mean the same thing, so a distractor is never a second right answer.
public static partial class Glosses
{
    // Characters that carry grammar rather than meaning; sharing one of these says nothing.
    private const string Function = "的地得了着过是在有和与及或把被使令让一不无非之其所以为于对从向而也很更最些个种者性化度物人们等上下中里外来去出入起开成到得子头儿";

    public static IReadOnlyList<string> Senses(string translation) =>
        Separator().Split(PosPrefix().Replace(translation, " "))
            .Select(s => Noise().Replace(s, "").Trim())
            .Where(s => s.Length > 0)
            .ToList();

    public static HashSet<char> MeaningChars(string translation) =>
        Senses(translation).SelectMany(s => s).Where(c => TextMeasures.IsHan(c) && !Function.Contains(c)).ToHashSet();

    public static bool MayOverlap(string a, string b)
    {
        var left = MeaningChars(a);
        return left.Count == 0 || MeaningChars(b).Overlaps(left);
    }

    // The first one or two senses, for a compact prompt: "放弃；抛弃".
    public static string Short(string translation, int senses = 2) => string.Join("；", Senses(translation).Take(senses));

    [GeneratedRegex(@"\b(?:vt|vi|v|n|a|adj|adv|prep|conj|pron|num|int|art|aux|abbr|pl)\.", RegexOptions.IgnoreCase)]
    private static partial Regex PosPrefix();

    [GeneratedRegex(@"[,，;；、/]")]
    private static partial Regex Separator();

    [GeneratedRegex(@"\[[^\]]*\]|\([^)]*\)|（[^）]*）|[<>《》\.…]")]
    private static partial Regex Noise();
}
