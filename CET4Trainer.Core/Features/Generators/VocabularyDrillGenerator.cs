using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Vocabulary;

namespace CET4Trainer.Core.Features.Generators;

// Vocabulary drills made from the word data alone, deterministic for a given seed.
public sealed class VocabularyDrillGenerator(WordIndex index)
{
    private const string Letters = "ABCD";

    public static readonly ItemType[] Types =
        [ItemType.VocabMeaningToWord, ItemType.VocabWordToMeaning, ItemType.VocabSpelling, ItemType.VocabWordForm, ItemType.VocabSentenceCompletion];

    // Up to `count` drills of one type; fewer when the data has no more words that suit it.
    public List<ItemDraft> Generate(ItemType type, int count, int seed, IReadOnlyCollection<Word>? from = null)
    {
        var random = new Random(seed);
        var candidates = (from ?? index.Words).OrderBy(_ => random.Next()).ToList();
        var drafts = new List<ItemDraft>();
        foreach (var word in candidates)
        {
            if (drafts.Count >= count) break;
            var draft = type switch
            {
                ItemType.VocabMeaningToWord => MeaningToWord(word, random),
                ItemType.VocabWordToMeaning => WordToMeaning(word, random),
                ItemType.VocabSpelling => Spelling(word),
                ItemType.VocabWordForm => WordForm(word, random),
                ItemType.VocabSentenceCompletion => SentenceCompletion(word, random),
                _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a vocabulary drill type"),
            };
            if (draft is not null && ItemShapeRules.Validate(draft).Count == 0) drafts.Add(draft);
        }
        return drafts;
    }

    private ItemDraft? MeaningToWord(Word word, Random random)
    {
        var distractors = DistractorPicker.Pick(index, word, 3, random);
        if (distractors.Count < 3 || string.IsNullOrWhiteSpace(word.TranslationZh)) return null;
        var (options, answer) = Shuffle(word.Headword, distractors.Select(d => d.Headword), random);
        return Draft(ItemType.VocabMeaningToWord, word, $"选出与释义对应的单词：{Glosses.Short(word.TranslationZh, 3)}", options, answer,
            $"{word.Headword} /{word.Phonetic}/ {word.TranslationZh}。其他选项：{Describe(distractors)}。");
    }

    private ItemDraft? WordToMeaning(Word word, Random random)
    {
        var distractors = DistractorPicker.Pick(index, word, 3, random);
        if (distractors.Count < 3 || string.IsNullOrWhiteSpace(word.TranslationZh)) return null;
        var (options, answer) = Shuffle(Glosses.Short(word.TranslationZh), distractors.Select(d => Glosses.Short(d.TranslationZh)), random);
        if (options.Distinct().Count() < 4) return null;
        return Draft(ItemType.VocabWordToMeaning, word, $"{word.Headword}  /{word.Phonetic}/", options, answer,
            $"{word.Headword}（{word.PartsOfSpeech}）：{word.TranslationZh}。其他选项分别是 {Describe(distractors)} 的释义。");
    }

    private static ItemDraft? Spelling(Word word)
    {
        if (string.IsNullOrWhiteSpace(word.Phonetic) || !word.Headword.All(char.IsLetter) || word.Headword.Length < 3) return null;
        return Draft(ItemType.VocabSpelling, word, $"/{word.Phonetic}/  {Glosses.Short(word.TranslationZh, 3)}", [], word.Headword,
            $"{word.Headword} /{word.Phonetic}/：{word.TranslationZh}");
    }

    // A Tatoeba sentence with an inflected form blanked; the Chinese translation fixes which form is right.
    private static ItemDraft? WordForm(Word word, Random random)
    {
        var forms = WordIndex.FormsOf(word).Prepend(word.Headword).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (forms.Count < 4) return null;
        var example = word.Examples.FirstOrDefault(e => e.Source == ExampleSource.Tatoeba && e.Chinese is not null
            && !e.Form.Equals(word.Headword, StringComparison.OrdinalIgnoreCase) && forms.Contains(e.Form, StringComparer.OrdinalIgnoreCase)
            && Blank(e.English, e.Form) is not null);
        if (example is null) return null;
        var others = forms.Where(f => !f.Equals(example.Form, StringComparison.OrdinalIgnoreCase)).OrderBy(_ => random.Next()).Take(3);
        var (options, answer) = Shuffle(example.Form, others, random);
        return Draft(ItemType.VocabWordForm, word, $"{Blank(example.English, example.Form)}（{word.Headword}）\n{example.Chinese}", options, answer,
            $"根据中文“{example.Chinese}”，此处应填 {example.Form}。原句：{example.English}（例句来自 {example.Attribution}）");
    }

    // A Tatoeba sentence with the word blanked; distractors are other words of the same class and frequency,
    // in the same form, and the Chinese translation leaves only one of them right.
    private ItemDraft? SentenceCompletion(Word word, Random random)
    {
        var example = word.Examples.FirstOrDefault(e => e.Source == ExampleSource.Tatoeba && e.Chinese is not null && Blank(e.English, e.Form) is not null);
        if (example is null) return null;
        var distractors = DistractorPicker.Pick(index, word, 3, random);
        if (distractors.Count < 3) return null;
        var (options, answer) = Shuffle(example.Form, distractors.Select(d => WordIndex.MatchingForm(d, example.Form, word)), random);
        if (options.Distinct(StringComparer.OrdinalIgnoreCase).Count() < 4) return null;
        return Draft(ItemType.VocabSentenceCompletion, word, $"{Blank(example.English, example.Form)}\n{example.Chinese}", options, answer,
            $"{example.Form}（{word.Headword}：{Glosses.Short(word.TranslationZh)}）与中文意思相符。其他选项：{Describe(distractors)}。例句来自 {example.Attribution}。");
    }

    // The sentence with the first whole-word occurrence of `form` replaced by a blank.
    internal static string? Blank(string sentence, string form)
    {
        var match = System.Text.RegularExpressions.Regex.Match(sentence, $@"\b{System.Text.RegularExpressions.Regex.Escape(form)}\b",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        return match.Success ? sentence[..match.Index] + "______" + sentence[(match.Index + match.Length)..] : null;
    }

    private static (List<string> Options, string Answer) Shuffle(string right, IEnumerable<string> wrong, Random random)
    {
        var options = wrong.Take(3).ToList();
        var position = random.Next(4);
        options.Insert(position, right);
        return (options, Letters[position].ToString());
    }

    // Rarer words make harder drills: the frequency rank decides the difficulty (1-5).
    public static int DifficultyOf(Word word) => word.FrequencyRank switch { < 1500 => 1, < 3000 => 2, < 6000 => 3, < 10000 => 4, _ => 5 };

    private static string Describe(IEnumerable<Word> words) => string.Join("；", words.Select(w => $"{w.Headword} {Glosses.Short(w.TranslationZh, 1)}"));

    private static ItemDraft Draft(ItemType type, Word word, string stem, List<string> options, string answer, string explanation) => new()
    {
        Type = type,
        Title = $"{ItemTypes.ChineseName(type)}：{word.Headword}",
        Topics = ["vocabulary", word.MainPartOfSpeech],
        Difficulty = DifficultyOf(word),
        Explanation = explanation,
        Questions = [new QuestionDraft { Number = 1, Stem = stem, Options = options, Answer = answer, Explanation = explanation }],
    };
}
