using System.Text;
using System.Text.RegularExpressions;
using CET4Trainer.Core.Features.Generators;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Vocabulary;

namespace CET4Trainer.Core.Features.Explanations;

// The offline engine's explanation: the item's own explanations, the sentence of the material that
// proves the answer, and glosses and example sentences from the bundled word list. Always labelled.
public static partial class OfflineExplanation
{
    public const string Label = "【离线引擎】以下内容根据题目自带的解析和词汇表整理，不是 AI 生成的。";

    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "that", "this", "with", "from", "they", "their", "them", "there", "have", "been", "were", "what", "which",
        "when", "where", "will", "would", "about", "into", "than", "then", "some", "more", "most", "very", "does", "only", "also",
        "because", "should", "could", "other", "these", "those", "being", "after", "before", "while", "such", "many", "much",
    };

    public static string Build(ExplainAnswerInput input, WordIndex words)
    {
        var text = new StringBuilder(Label).AppendLine();
        var facts = Facts.Of(input, words);
        switch (input.FollowUp)
        {
            case ExplanationFollowUp.AnotherExample: AnotherExample(text, input, facts); break;
            case ExplanationFollowUp.Simpler: Simpler(text, input, facts); break;
            case ExplanationFollowUp.InChinese: InChinese(text, input, facts); break;
            default: First(text, input, facts); break;
        }
        return text.ToString().TrimEnd();
    }

    private static void First(StringBuilder text, ExplainAnswerInput input, Facts facts)
    {
        Answers(text, input);
        text.Append("为什么是 ").Append(input.CorrectAnswer).Append("：")
            .AppendLine(input.QuestionExplanation.Length > 0 ? input.QuestionExplanation : "这道题没有附带单独的解析，请对照下面的原文依据。");
        if (facts.Evidence is { } evidence) text.Append("原文依据：“").Append(evidence).AppendLine("”");
        GlossLines(text, facts);
        if (ItemOnly(input) is { } whole) text.Append("整组题的解析：").AppendLine(whole);
    }

    private static void Simpler(StringBuilder text, ExplainAnswerInput input, Facts facts)
    {
        text.Append("一句话：正确答案是 ").Append(Short(input, input.CorrectAnswer)).Append("，不是 ").Append(input.ChosenAnswer.ToUpperInvariant()).AppendLine("。");
        if (FirstSentence(input.QuestionExplanation) is { Length: > 0 } first) text.AppendLine(first);
        if (facts.Correct is { } word) text.Append("记住：").Append(word.Headword).Append(" = ").AppendLine(ShortGloss(word));
        else if (facts.Evidence is { } evidence) text.Append("关键在原文这句：“").Append(evidence).AppendLine("”");
    }

    private static void InChinese(StringBuilder text, ExplainAnswerInput input, Facts facts)
    {
        text.Append("你选的是 ").Append(input.ChosenAnswer).Append("，正确答案是 ").Append(input.CorrectAnswer).AppendLine("。");
        if (input.QuestionExplanation.Length > 0) text.AppendLine(input.QuestionExplanation);
        if (facts.Correct is { } right) text.Append("“").Append(right.Headword).Append("”的意思是：").AppendLine(ShortGloss(right, 3));
        if (facts.Chosen is { } wrong && wrong != facts.Correct) text.Append("你选的“").Append(wrong.Headword).Append("”的意思是：").AppendLine(ShortGloss(wrong, 3));
        if (ItemOnly(input) is { } whole) text.AppendLine(whole);
    }

    private static void AnotherExample(StringBuilder text, ExplainAnswerInput input, Facts facts)
    {
        var any = false;
        if ((facts.Correct ?? facts.OptionWord) is { } right && Example(right) is { } example)
        {
            if (facts.Correct is null) text.Append("正确选项里的关键词是“").Append(right.Headword).Append("”（").Append(ShortGloss(right)).AppendLine("）。");
            text.Append("再看一个用到“").Append(right.Headword).AppendLine("”的例句（来自词汇表）：");
            AppendExample(text, example);
            any = true;
        }
        if (facts.Chosen is { } wrong && wrong != facts.Correct && Example(wrong) is { } contrast)
        {
            text.Append("对比你选的“").Append(wrong.Headword).Append("”（").Append(ShortGloss(wrong)).AppendLine("）：");
            AppendExample(text, contrast);
            any = true;
        }
        if (!any) text.AppendLine("离线引擎在词汇表里没有找到合适的例句。");
        if (facts.Evidence is { } evidence) text.Append("本题原文中的例子：“").Append(evidence).AppendLine("”");
    }

    // "C（the option's text）" without the option's own full stop, or the bare answer.
    private static string Short(ExplainAnswerInput input, string label) =>
        input.Option(label) is { } o ? $"{o.Label}（{o.Text.TrimEnd('.', '。', ' ')}）" : label.Trim();

    // Drills carry the same text as item and question explanation; it is said once.
    private static string? ItemOnly(ExplainAnswerInput input) =>
        input.ItemExplanation.Length > 0 && input.ItemExplanation != input.QuestionExplanation ? input.ItemExplanation : null;

    private static void Answers(StringBuilder text, ExplainAnswerInput input)
    {
        if (input.Type == ItemType.VocabSpelling)
        {
            text.Append("你拼写的是 ").Append(input.ChosenAnswer).Append("，正确拼写是 ").Append(input.CorrectAnswer).AppendLine("。");
            if (SpellingDifference(input.ChosenAnswer, input.CorrectAnswer) is { } difference) text.AppendLine(difference);
            return;
        }
        text.Append("你的答案：").AppendLine(input.Describe(input.ChosenAnswer));
        text.Append("正确答案：").AppendLine(input.Describe(input.CorrectAnswer));
    }

    private static void GlossLines(StringBuilder text, Facts facts)
    {
        if (facts.Correct is null && facts.Chosen is null) return;
        text.AppendLine("词义对照：");
        if (facts.Correct is { } right) text.Append("· 正确答案 ").Append(Entry(right)).AppendLine();
        if (facts.Chosen is { } wrong && wrong != facts.Correct) text.Append("· 你选的 ").Append(Entry(wrong)).AppendLine();
    }

    public static string? SpellingDifference(string given, string correct)
    {
        var a = given.Trim().ToLowerInvariant();
        var b = correct.Trim().ToLowerInvariant();
        if (a.Length == 0 || a == b) return null;
        var at = 0;
        while (at < a.Length && at < b.Length && a[at] == b[at]) at++;
        return $"从第 {at + 1} 个字母起不同：你写的是“{a[at..]}”，应为“{b[at..]}”。";
    }

    private static string Entry(Word word) =>
        $"{word.Headword}{(word.Phonetic.Length > 0 ? $" /{word.Phonetic.Trim('/')}/" : "")} {word.PartsOfSpeech}：{ShortGloss(word, 3)}";

    private static string ShortGloss(Word word, int senses = 2) =>
        Generators.Glosses.Short(word.TranslationZh, senses) is { Length: > 0 } gloss ? gloss : word.DefinitionEn;

    private static WordExample? Example(Word word) =>
        word.Examples.Where(e => e.Source == ExampleSource.Tatoeba && !string.IsNullOrWhiteSpace(e.Chinese)).OrderBy(e => e.English.Length).FirstOrDefault()
        ?? word.Examples.OrderBy(e => e.English.Length).FirstOrDefault();

    private static void AppendExample(StringBuilder text, WordExample example)
    {
        text.AppendLine(example.English);
        if (!string.IsNullOrWhiteSpace(example.Chinese)) text.AppendLine(example.Chinese);
        if (!string.IsNullOrWhiteSpace(example.Attribution)) text.Append("（例句来源：").Append(example.Attribution).AppendLine("）");
    }

    private static string? FirstSentence(string text)
    {
        var end = text.IndexOfAny(['。', '！', '？']);
        return end > 0 ? text[..(end + 1)] : text.Length > 0 ? text : null;
    }

    // The facts the offline texts are made of: the words behind the two answers and the proving sentence.
    // Correct and Chosen are the words the answers are (vocabulary, banked cloze); OptionWord is the key word of
    // a reading option, used only for another example.
    private sealed record Facts(Word? Correct, Word? Chosen, Word? OptionWord, string? Evidence)
    {
        public static Facts Of(ExplainAnswerInput input, WordIndex words)
        {
            var correctText = input.Type == ItemType.VocabSpelling ? input.CorrectAnswer : input.Option(input.CorrectAnswer)?.Text ?? "";
            var chosenText = input.Type == ItemType.VocabSpelling ? input.ChosenAnswer : input.Option(input.ChosenAnswer)?.Text ?? "";
            Word? correct, chosen;
            if (input.Type == ItemType.VocabWordToMeaning)
            {
                // The options are Chinese meanings; the word being tested is in the stem.
                correct = KeyWord(input.Stem, words);
                chosen = null;
            }
            else if (ItemTypes.IsVocabulary(input.Type) || input.Type == ItemType.BankedCloze)
            {
                (correct, chosen) = (KeyWord(correctText, words), KeyWord(chosenText, words));
            }
            else
            {
                (correct, chosen) = (null, null);
            }
            var evidence = input.Material.Length > 0 && input.Type != ItemType.BankedCloze
                ? BestSentence(input.Material, $"{correctText} {input.Stem}")
                : input.Type == ItemType.BankedCloze ? BlankSentence(input.Material, input.QuestionNumber) : null;
            return new Facts(correct, chosen, correct is null ? KeyWord(correctText, words, withExamples: true) : null, evidence);
        }
    }

    // The rarest CET-4 word in a short text: in "abandon the plan" it is "abandon", not "the".
    private static Word? KeyWord(string text, WordIndex words, bool withExamples = false) =>
        Latin().Matches(text).Select(m => words.Find(m.Value)).OfType<Word>()
            .Where(w => !Common.Contains(w.Headword) && (!withExamples || w.Examples.Count > 0)).OrderByDescending(w => w.FrequencyRank).FirstOrDefault();

    private static string? BestSentence(string material, string probe)
    {
        var wanted = Latin().Matches(probe).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length >= 4 && !Common.Contains(w)).ToHashSet();
        if (wanted.Count == 0) return null;
        return Sentences(material)
            .Select(s => (Sentence: s, Score: Latin().Matches(s).Select(m => m.Value.ToLowerInvariant()).Distinct().Count(wanted.Contains)))
            .Where(x => x.Score > 0).OrderByDescending(x => x.Score).Select(x => x.Sentence).FirstOrDefault();
    }

    private static string? BlankSentence(string material, int number) =>
        Sentences(material).FirstOrDefault(s => s.Contains($"__({number})__", StringComparison.Ordinal));

    private static IEnumerable<string> Sentences(string material) =>
        SentenceEnd().Split(material).Select(s => s.Trim()).Where(s => s.Length > 0).Select(s => s.Length > 300 ? s[..300] + "…" : s);

    [GeneratedRegex(@"[A-Za-z][A-Za-z'\-]*")]
    private static partial Regex Latin();

    [GeneratedRegex(@"(?<=[.!?])\s+|\n+")]
    private static partial Regex SentenceEnd();
}
