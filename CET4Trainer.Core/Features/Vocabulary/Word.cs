namespace CET4Trainer.Core.Features.Vocabulary;

// A CET-4 headword from the bundled data (ECDICT, WordNet; see LICENSE-DATA.txt).
public sealed class Word
{
    public int Id { get; set; }
    public required string Headword { get; set; }
    public string Phonetic { get; set; } = "";

    // As in the data: "n", "v/n", "adj/adv"...; the first one is the word's main part of speech.
    public string PartsOfSpeech { get; set; } = "";
    public string TranslationZh { get; set; } = "";
    public string DefinitionEn { get; set; } = "";
    public int? BncRank { get; set; }
    public int? FrqRank { get; set; }

    // Inflected forms, '/'-separated ("abandoned/abandoning/abandons").
    public string Forms { get; set; } = "";

    public List<WordExample> Examples { get; set; } = [];

    public string MainPartOfSpeech => PartsOfSpeech.Split('/')[0];

    // Lower is more frequent; words with no rank sort last.
    public int FrequencyRank => FrqRank ?? BncRank ?? 100_000;
}

public enum ExampleSource
{
    Tatoeba = 1,
    WordNet = 2,
}

public sealed class WordExample
{
    public int Id { get; set; }
    public int WordId { get; set; }
    public ExampleSource Source { get; set; }

    // The form of the headword that appears in the sentence (Tatoeba), or the WordNet part of speech.
    public string Form { get; set; } = "";
    public required string English { get; set; }
    public string? Chinese { get; set; }
    public string? Attribution { get; set; }
}
