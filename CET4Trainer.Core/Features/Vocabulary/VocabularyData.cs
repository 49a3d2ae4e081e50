using System.Reflection;
using CET4Trainer.Core.Features.Common;

namespace CET4Trainer.Core.Features.Vocabulary;

// Reads the bundled CET-4 data files (embedded in this assembly) into Word objects.
public static class VocabularyData
{
    public const string LicenseResource = "Vocabulary.LICENSE-DATA.txt";

    public static List<Word> Load()
    {
        var words = ReadWords(Open("Vocabulary.cet4_words.csv"));
        var byHeadword = words.ToDictionary(w => w.Headword, StringComparer.OrdinalIgnoreCase);
        foreach (var row in Rows(Open("Vocabulary.cet4_sentences_tatoeba.csv"), "word,form,en,zh,attribution"))
        {
            if (byHeadword.TryGetValue(row[0], out var word))
                word.Examples.Add(new WordExample { Source = ExampleSource.Tatoeba, Form = row[1], English = row[2], Chinese = row[3], Attribution = row[4] });
        }
        foreach (var row in Rows(Open("Vocabulary.cet4_examples_wordnet.csv"), "word,wn_pos,sense,definition,example"))
        {
            if (byHeadword.TryGetValue(row[0], out var word) && row[4].Length > 0)
                word.Examples.Add(new WordExample { Source = ExampleSource.WordNet, Form = row[1], English = row[4], Attribution = "WordNet 3.0" });
        }
        return words;
    }

    public static string License()
    {
        using var reader = new StreamReader(Open(LicenseResource));
        return reader.ReadToEnd();
    }

    internal static List<Word> ReadWords(Stream stream) =>
        Rows(stream, "word,phonetic,pos,translation_zh,definition_en,bnc_rank,frq_rank,exchange")
            .Select(r => new Word
            {
                Headword = r[0],
                Phonetic = r[1],
                PartsOfSpeech = r[2],
                TranslationZh = r[3],
                DefinitionEn = r[4],
                BncRank = Rank(r[5]),
                FrqRank = Rank(r[6]),
                Forms = r[7],
            }).ToList();

    private static IEnumerable<IReadOnlyList<string>> Rows(Stream stream, string header)
    {
        using var reader = new StreamReader(stream);
        var rows = Csv.Parse(reader).ToList();
        if (rows.Count == 0 || string.Join(",", rows[0].Fields) != header)
            throw new InvalidDataException($"Bundled vocabulary file does not start with the header {header}");
        return rows.Skip(1).Select(r => r.Fields).ToList();
    }

    private static int? Rank(string value) => int.TryParse(value, out var rank) && rank > 0 ? rank : null;

    private static Stream Open(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"Embedded resource {name} is missing from the build.");
}
