using System.Text.RegularExpressions;

namespace CET4Trainer.Core.Features.Items;

// The exam's shapes (cet4-exam.md), checked wherever an item enters the system.
public static partial class ItemShapeRules
{
    public const int BankedClozeBlanks = 10;
    public const int BankedClozeBankSize = 15;
    public const int LongReadingStatements = 10;
    public const int CarefulReadingQuestions = 5;
    public const int TranslationMinChars = 140;
    public const int TranslationMaxChars = 160;
    private const string OptionLetters = "ABCD";
    private const string BankLetters = "ABCDEFGHIJKLMNO";

    public static IReadOnlyList<ShapeError> Validate(ItemDraft draft)
    {
        var errors = new List<ShapeError>();
        CheckCommon(draft, errors);
        switch (draft.Type)
        {
            case ItemType.BankedCloze: CheckBankedCloze(draft, errors); break;
            case ItemType.LongReadingMatching: CheckLongReading(draft, errors); break;
            case ItemType.CarefulReading: CheckCarefulReading(draft, errors); break;
            case ItemType.ListeningNews or ItemType.ListeningConversation or ItemType.ListeningPassage: CheckListening(draft, errors); break;
            case ItemType.Writing: CheckWriting(draft, errors); break;
            case ItemType.Translation: CheckTranslation(draft, errors); break;
            case ItemType.VocabSpelling: CheckSpelling(draft, errors); break;
            case ItemType.VocabMeaningToWord or ItemType.VocabWordToMeaning or ItemType.VocabWordForm or ItemType.VocabSentenceCompletion:
                CheckSingleChoice(draft, errors); break;
            default: errors.Add(new("type", $"未知题型“{draft.Type}”。")); break;
        }
        return errors;
    }

    private static void CheckCommon(ItemDraft d, List<ShapeError> errors)
    {
        if (string.IsNullOrWhiteSpace(d.Title)) errors.Add(new("title", "请填写标题。"));
        else if (d.Title.Length > 200) errors.Add(new("title", "标题不能超过 200 个字符。"));
        if (d.Difficulty is < 1 or > 5) errors.Add(new("difficulty", "难度必须是 1 到 5 之间的整数。"));
        if (d.Topics.Count > 10) errors.Add(new("topics", "话题标签最多 10 个。"));
        foreach (var topic in d.Topics.Where(t => string.IsNullOrWhiteSpace(t) || t.Trim().Length > 30))
            errors.Add(new("topics", $"话题标签“{topic}”必须是 1 到 30 个字符。"));
        if (!TextMeasures.HasHan(d.Explanation)) errors.Add(new("explanation", "请用中文填写整体解析。"));
        if (d.Key is { Length: > 64 }) errors.Add(new("key", "key 不能超过 64 个字符。"));
        for (var i = 0; i < d.Questions.Count; i++)
        {
            if (d.Questions[i].Number != i + 1)
                errors.Add(new($"questions[{i + 1}].number", $"题号必须从 1 开始连续编号，第 {i + 1} 题的题号是 {d.Questions[i].Number}。"));
            if (!ItemTypes.IsConstructedResponse(d.Type) && !TextMeasures.HasHan(d.Questions[i].Explanation))
                errors.Add(new($"questions[{i + 1}].explanation", $"第 {i + 1} 题缺少中文解析。"));
        }
    }

    private static void CheckBankedCloze(ItemDraft d, List<ShapeError> errors)
    {
        var blanks = Blank().Matches(d.Passage).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        if (!blanks.SequenceEqual(Enumerable.Range(1, BankedClozeBlanks)))
            errors.Add(new("passage", $"选词填空的文章必须恰好有 10 个空，写作 {{{{1}}}} 到 {{{{10}}}}，按顺序各出现一次（现在是：{(blanks.Count == 0 ? "没有空" : string.Join("、", blanks))}）。"));
        if (d.WordBank.Count != BankedClozeBankSize)
            errors.Add(new("wordBank", $"词库必须恰好有 15 个词（现在有 {d.WordBank.Count} 个）。"));
        if (d.WordBank.Any(string.IsNullOrWhiteSpace))
            errors.Add(new("wordBank", "词库中有空白的词。"));
        var duplicates = d.WordBank.Where(w => !string.IsNullOrWhiteSpace(w)).GroupBy(w => w.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0) errors.Add(new("wordBank", $"词库中的词不能重复：{string.Join("、", duplicates)}。"));
        if (d.Questions.Count != BankedClozeBlanks)
            errors.Add(new("questions", $"选词填空必须有 10 个答案，每个空一个（现在有 {d.Questions.Count} 个）。"));
        var used = new Dictionary<string, int>();
        for (var i = 0; i < d.Questions.Count; i++)
        {
            var answer = d.Questions[i].Answer.Trim().ToUpperInvariant();
            var index = BankLetters.IndexOf(answer, StringComparison.Ordinal);
            if (answer.Length != 1 || index < 0 || index >= d.WordBank.Count)
                errors.Add(new($"questions[{i + 1}].answer", $"第 {i + 1} 空的答案必须是词库中某个词的字母（A-{BankLetters[Math.Clamp(d.WordBank.Count, 1, 15) - 1]}），现在是“{d.Questions[i].Answer}”。"));
            else if (used.TryGetValue(answer, out var first))
                errors.Add(new($"questions[{i + 1}].answer", $"词库中的每个词最多用一次：第 {first} 空和第 {i + 1} 空都用了 {answer}（{d.WordBank[index]}）。"));
            else
                used[answer] = i + 1;
        }
    }

    private static void CheckLongReading(ItemDraft d, List<ShapeError> errors)
    {
        if (d.Paragraphs.Count < 5)
            errors.Add(new("paragraphs", $"长篇阅读至少需要 5 个带字母编号的段落（现在有 {d.Paragraphs.Count} 个）。"));
        var words = d.Paragraphs.Sum(p => TextMeasures.EnglishWords(p.Text));
        if (d.Paragraphs.Count >= 5 && words is < 600 or > 1500)
            errors.Add(new("paragraphs", $"长篇阅读的文章应在 600-1500 词之间（约 1000 词），现在是 {words} 词。"));
        for (var i = 0; i < d.Paragraphs.Count; i++)
        {
            var expected = ((char)('A' + i)).ToString();
            if (d.Paragraphs[i].Letter != expected)
                errors.Add(new($"paragraphs[{i + 1}].letter", $"段落必须按 A、B、C……顺序编号，第 {i + 1} 段应为 {expected}，现在是“{d.Paragraphs[i].Letter}”。"));
            if (string.IsNullOrWhiteSpace(d.Paragraphs[i].Text))
                errors.Add(new($"paragraphs[{i + 1}].text", $"第 {i + 1} 段（{d.Paragraphs[i].Letter}）没有内容。"));
        }
        if (d.Questions.Count != LongReadingStatements)
            errors.Add(new("questions", $"长篇阅读必须有 10 个句子（现在有 {d.Questions.Count} 个）。"));
        var letters = d.Paragraphs.Select(p => p.Letter).ToHashSet();
        for (var i = 0; i < d.Questions.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(d.Questions[i].Stem))
                errors.Add(new($"questions[{i + 1}].stem", $"第 {i + 1} 个句子没有内容。"));
            if (!letters.Contains(d.Questions[i].Answer.Trim().ToUpperInvariant()))
                errors.Add(new($"questions[{i + 1}].answer", $"第 {i + 1} 个句子的答案“{d.Questions[i].Answer}”不是文章中的段落字母。"));
        }
    }

    private static void CheckCarefulReading(ItemDraft d, List<ShapeError> errors)
    {
        if (string.IsNullOrWhiteSpace(d.Passage)) errors.Add(new("passage", "仔细阅读需要一篇文章。"));
        if (d.Questions.Count != CarefulReadingQuestions)
            errors.Add(new("questions", $"仔细阅读每篇文章必须有 5 道题（现在有 {d.Questions.Count} 道）。"));
        CheckChoices(d, errors);
    }

    private static void CheckListening(ItemDraft d, List<ShapeError> errors)
    {
        if (string.IsNullOrWhiteSpace(d.Passage)) errors.Add(new("passage", "听力题需要听力原文（transcript）。"));
        var (min, max) = ItemTypes.ListeningQuestionCount(d.Type);
        if (d.Questions.Count < min || d.Questions.Count > max)
        {
            var expected = min == max ? $"{min}" : $"{min} 或 {max}";
            errors.Add(new("questions", $"{ItemTypes.ChineseName(d.Type)}每组必须有 {expected} 道题（现在有 {d.Questions.Count} 道）。"));
        }
        for (var i = 0; i < d.Questions.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(d.Questions[i].Stem))
                errors.Add(new($"questions[{i + 1}].stem", $"第 {i + 1} 题缺少播放的问题。"));
        }
        CheckChoices(d, errors);
    }

    private static void CheckWriting(ItemDraft d, List<ShapeError> errors)
    {
        if (string.IsNullOrWhiteSpace(d.Passage)) errors.Add(new("passage", "写作题需要题目要求（prompt）。"));
        if (d.MinWords is not > 0 || d.MaxWords is not > 0 || d.MinWords >= d.MaxWords)
            errors.Add(new("minWords", "写作题需要字数要求：最少词数和最多词数都大于 0，且最少小于最多（四级通常为 120-180 词）。"));
        if (d.Questions.Count > 0) errors.Add(new("questions", "写作题不设小题。"));
    }

    private static void CheckTranslation(ItemDraft d, List<ShapeError> errors)
    {
        var length = TextMeasures.ChineseLength(d.Passage);
        if (length < TranslationMinChars || length > TranslationMaxChars)
            errors.Add(new("passage", $"翻译原文必须是 140-160 个字符的中文段落（不计空白），现在是 {length} 个。"));
        else if (TextMeasures.HanCount(d.Passage) < length * 0.7)
            errors.Add(new("passage", "翻译原文必须是中文。"));
        if (string.IsNullOrWhiteSpace(d.Reference) || TextMeasures.EnglishWords(d.Reference) < 40)
            errors.Add(new("reference", "请提供英文参考译文（至少 40 词）。"));
        if (d.Questions.Count > 0) errors.Add(new("questions", "翻译题不设小题。"));
    }

    private static void CheckSpelling(ItemDraft d, List<ShapeError> errors)
    {
        if (d.Questions.Count != 1) { errors.Add(new("questions", "拼写题必须恰好有 1 道题。")); return; }
        var q = d.Questions[0];
        if (string.IsNullOrWhiteSpace(q.Stem)) errors.Add(new("questions[1].stem", "拼写题需要音标和释义作为提示。"));
        if (!SpelledWord().IsMatch(q.Answer.Trim())) errors.Add(new("questions[1].answer", "拼写题的答案必须是一个英文单词。"));
        if (q.Options.Count > 0) errors.Add(new("questions[1].options", "拼写题没有选项。"));
    }

    private static void CheckSingleChoice(ItemDraft d, List<ShapeError> errors)
    {
        if (d.Questions.Count != 1) errors.Add(new("questions", $"{ItemTypes.ChineseName(d.Type)}必须恰好有 1 道题。"));
        else if (string.IsNullOrWhiteSpace(d.Questions[0].Stem)) errors.Add(new("questions[1].stem", "题干不能为空。"));
        CheckChoices(d, errors);
    }

    private static void CheckChoices(ItemDraft d, List<ShapeError> errors)
    {
        for (var i = 0; i < d.Questions.Count; i++)
        {
            var q = d.Questions[i];
            if (q.Options.Count != 4 || q.Options.Any(string.IsNullOrWhiteSpace))
                errors.Add(new($"questions[{i + 1}].options", $"第 {i + 1} 题必须有 4 个非空选项（A-D），现在有 {q.Options.Count(o => !string.IsNullOrWhiteSpace(o))} 个。"));
            else if (q.Options.Select(o => o.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != 4)
                errors.Add(new($"questions[{i + 1}].options", $"第 {i + 1} 题的 4 个选项不能重复。"));
            var answer = q.Answer.Trim().ToUpperInvariant();
            if (answer.Length != 1 || !OptionLetters.Contains(answer[0]))
                errors.Add(new($"questions[{i + 1}].answer", $"第 {i + 1} 题的答案必须是 A、B、C、D 之一，现在是“{q.Answer}”。"));
        }
    }

    [GeneratedRegex(@"\{\{(\d+)\}\}")]
    public static partial Regex Blank();

    [GeneratedRegex(@"^[A-Za-z]+(?:[-' ][A-Za-z]+)*$")]
    private static partial Regex SpelledWord();
}
