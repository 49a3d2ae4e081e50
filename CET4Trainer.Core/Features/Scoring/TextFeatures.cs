using System.Text.RegularExpressions;
using CET4Trainer.Core.Features.Items;

namespace CET4Trainer.Core.Features.Scoring;

// Measurable features of an English text, used by the offline estimate.
public sealed partial record TextFeatures(
    int Words, int Sentences, double MeanSentenceLength, double SentenceLengthSpread, double TypeTokenRatio,
    int Connectives, double KnownWordShare, IReadOnlySet<string> ContentWords)
{
    private static readonly HashSet<string> ConnectiveWords =
    [
        "however", "therefore", "moreover", "furthermore", "besides", "thus", "consequently", "meanwhile", "nevertheless",
        "although", "though", "because", "since", "while", "whereas", "firstly", "secondly", "finally", "first", "second",
        "third", "lastly", "instead", "otherwise", "overall", "indeed", "similarly", "hence", "accordingly", "unless",
    ];

    private static readonly HashSet<string> Stop =
    [
        "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "is", "are",
        "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "they", "them", "their", "we",
        "our", "us", "you", "your", "i", "me", "my", "he", "she", "his", "her", "him", "not", "no", "do", "does", "did",
        "have", "has", "had", "will", "would", "can", "could", "should", "may", "might", "must", "so", "if", "than", "then",
        "there", "here", "what", "which", "who", "whom", "when", "where", "why", "how", "all", "any", "some", "more", "most",
        "also", "very", "much", "many", "such", "into", "about", "other", "one", "only", "own", "same", "just", "up", "out",
    ];

    public static TextFeatures Of(string text, Func<string, bool> isKnown)
    {
        var words = TextMeasures.Words(text).Select(w => w.ToLowerInvariant()).ToList();
        var sentences = Sentence().Split(text).Select(s => TextMeasures.EnglishWords(s)).Where(n => n > 0).ToList();
        var mean = sentences.Count == 0 ? 0 : sentences.Average();
        var spread = sentences.Count < 2 ? 0 : Math.Sqrt(sentences.Average(n => (n - mean) * (n - mean)));
        var known = words.Count == 0 ? 0 : words.Count(w => Stop.Contains(w) || isKnown(w)) / (double)words.Count;
        var content = words.Where(w => w.Length > 3 && !Stop.Contains(w)).Select(Stem).ToHashSet();
        return new TextFeatures(words.Count, sentences.Count, mean, spread,
            words.Count == 0 ? 0 : words.Distinct().Count() / (double)words.Count,
            words.Count(ConnectiveWords.Contains), known, content);
    }

    // A crude stem so "students"/"student" and "reading"/"read" count as one word.
    public static string Stem(string word)
    {
        foreach (var suffix in new[] { "ing", "ed", "es", "s", "ly" })
        {
            if (word.Length > suffix.Length + 3 && word.EndsWith(suffix, StringComparison.Ordinal)) return word[..^suffix.Length];
        }
        return word;
    }

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex Sentence();
}
