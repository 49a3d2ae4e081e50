using System.Text;
using CET4Trainer.Core.Features.Generators;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Vocabulary;

namespace CET4Trainer.Core.Features.Feynman;

public sealed record WordHit(string Headword, string PartsOfSpeech, string Gloss);

// The topics a student can explain (built-in grammar points, CET-4 words) and what the engines are told about each.
public sealed class FeynmanTopics(WordIndexProvider words)
{
    public static IReadOnlyList<GrammarPoint> Grammar => GrammarPoints.All;

    // By headword prefix, or by Chinese meaning when the query is Chinese; common words first.
    public async Task<IReadOnlyList<WordHit>> SearchWordsAsync(string query, int take = 12, CancellationToken cancellationToken = default)
    {
        var q = query.Trim();
        if (q.Length == 0) return [];
        var index = await words.GetAsync(cancellationToken);
        var chinese = q.Any(TextMeasures.IsHan);
        return index.Words
            .Where(w => chinese ? w.TranslationZh.Contains(q, StringComparison.Ordinal) : w.Headword.StartsWith(q, StringComparison.OrdinalIgnoreCase))
            .OrderBy(w => !chinese && w.Headword.Length != q.Length).ThenBy(w => w.FrequencyRank).Take(take)
            .Select(w => new WordHit(w.Headword, w.PartsOfSpeech, Glosses.Short(w.TranslationZh, 2)))
            .ToList();
    }

    public async Task<FeynmanTopic?> ResolveAsync(FeynmanTopicKind kind, string key, CancellationToken cancellationToken = default)
    {
        if (kind == FeynmanTopicKind.Grammar) return GrammarPoints.Find(key) is { } point ? new FeynmanTopic(kind, point.Key, point.Title) : null;
        if (kind != FeynmanTopicKind.Word) return null;
        var word = (await words.GetAsync(cancellationToken)).Words.FirstOrDefault(w => string.Equals(w.Headword, key.Trim(), StringComparison.OrdinalIgnoreCase));
        return word is null ? null : new FeynmanTopic(kind, word.Headword, word.Headword);
    }

    public async Task<FeynmanInput> InputAsync(FeynmanTopic topic, IReadOnlyList<FeynmanLine> transcript, int questionNumber, CancellationToken cancellationToken = default)
    {
        var max = FeynmanView.MaxQuestions;
        if (topic.Kind == FeynmanTopicKind.Grammar)
        {
            var point = GrammarPoints.Find(topic.Key) ?? throw new FeynmanRefusedException("这个语法点已不在列表中。");
            return new FeynmanInput(topic.Kind, point.Title, point.Rule, point.Concepts, [], point.Probes, transcript, questionNumber, max);
        }
        var word = (await words.GetAsync(cancellationToken)).Words.FirstOrDefault(w => w.Headword == topic.Key)
            ?? throw new FeynmanRefusedException("词表中找不到这个单词。");
        var forms = WordIndex.FormsOf(word).Prepend(word.Headword).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new FeynmanInput(topic.Kind, word.Headword, Reference(word), WordConcepts(word), forms, WordProbes(word.Headword), transcript, questionNumber, max);
    }

    private static string Reference(Word word)
    {
        var text = new StringBuilder();
        text.Append(word.Headword).Append(word.Phonetic.Length > 0 ? $" /{word.Phonetic.Trim('/')}/" : "").Append(' ').AppendLine(word.PartsOfSpeech);
        text.Append("Chinese: ").AppendLine(word.TranslationZh);
        if (word.DefinitionEn.Length > 0) text.Append("English: ").AppendLine(word.DefinitionEn);
        if (word.Forms.Length > 0) text.Append("Forms: ").AppendLine(word.Forms);
        foreach (var example in word.Examples.Where(e => e.Source == ExampleSource.Tatoeba).Take(2))
            text.Append("Example: ").Append(example.English).AppendLine(example.Chinese is { Length: > 0 } zh ? $" ({zh})" : "");
        return text.ToString().TrimEnd();
    }

    private static List<FeynmanConcept> WordConcepts(Word word)
    {
        var concepts = new List<FeynmanConcept>();
        var senses = Glosses.Senses(word.TranslationZh).Take(6).ToList();
        if (senses.Count > 0) concepts.Add(new("中文意思", senses));
        var parts = word.PartsOfSpeech.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(PartOfSpeechSigns).Distinct().ToList();
        if (parts.Count > 0) concepts.Add(new("词性", parts));
        var forms = WordIndex.FormsOf(word).Where(f => !f.Equals(word.Headword, StringComparison.OrdinalIgnoreCase)).Distinct().ToList();
        if (forms.Count > 0) concepts.Add(new("词形变化", forms));
        return concepts;
    }

    private static IEnumerable<string> PartOfSpeechSigns(string pos) => pos.ToLowerInvariant() switch
    {
        "n" => ["名词", "noun", "n."],
        "v" or "vt" or "vi" => ["动词", "verb", "v."],
        "adj" or "a" => ["形容词", "adjective", "adj."],
        "adv" or "ad" => ["副词", "adverb", "adv."],
        "prep" => ["介词", "preposition", "prep."],
        "conj" => ["连词", "conjunction", "conj."],
        "pron" => ["代词", "pronoun", "pron."],
        "num" => ["数词", "numeral", "num."],
        _ => [],
    };

    private static string[] WordProbes(string headword) =>
    [
        $"{headword} 最常见的意思是什么？它和意思相近的词有什么不同？",
        $"{headword} 常和哪些词搭配？请写一个含有这个搭配的英文句子。",
        $"在 CET-4 的阅读或写作里，什么场合会用到 {headword}？请举一个例子。",
    ];
}
