using CET4Trainer.Core.Features.Vocabulary;

namespace CET4Trainer.Core.Features.Generators;

// Looks words up by any of their forms and finds neighbours of the same part of speech and frequency.
public sealed class WordIndex
{
    private readonly Dictionary<string, Word> byForm = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<Word>> byPos = new();

    public WordIndex(IEnumerable<Word> words)
    {
        Words = words.Where(w => w.Headword.All(c => char.IsLetter(c) || c == '-')).OrderBy(w => w.Headword, StringComparer.Ordinal).ToList();
        // Headwords first: "left" is a word of its own, not only a form of "leave".
        foreach (var word in Words) byForm.TryAdd(word.Headword, word);
        foreach (var word in Words)
        {
            foreach (var form in FormsOf(word)) byForm.TryAdd(form, word);
            if (!byPos.TryGetValue(word.MainPartOfSpeech, out var list)) byPos[word.MainPartOfSpeech] = list = [];
            list.Add(word);
        }
        foreach (var list in byPos.Values) list.Sort((a, b) => a.FrequencyRank.CompareTo(b.FrequencyRank));
    }

    public IReadOnlyList<Word> Words { get; }

    public Word? Find(string form) => byForm.GetValueOrDefault(form);

    public static IEnumerable<string> FormsOf(Word word) =>
        word.Forms.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // Words of the same main part of speech, nearest in frequency first.
    public IEnumerable<Word> Neighbours(Word word) =>
        byPos.TryGetValue(word.MainPartOfSpeech, out var list)
            ? list.Where(w => w != word).OrderBy(w => Math.Abs(w.FrequencyRank - word.FrequencyRank)).ThenBy(w => w.Headword, StringComparer.Ordinal)
            : [];

    // The distractor's form that looks like the answer's form (same ending), or its headword.
    public static string MatchingForm(Word distractor, string answerForm, Word answer)
    {
        if (string.Equals(answerForm, answer.Headword, StringComparison.OrdinalIgnoreCase)) return distractor.Headword;
        foreach (var suffix in new[] { "ing", "ed", "ies", "es", "s", "er", "est", "ly" })
        {
            if (answerForm.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                return FormsOf(distractor).FirstOrDefault(f => f.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) ?? distractor.Headword;
        }
        return distractor.Headword;
    }
}
