using System.Text;
using System.Text.RegularExpressions;

namespace CET4Trainer.Core.Features.Feynman;

// The offline engine's side of a Feynman exercise: fixed checks (length, an English example sentence,
// the key concepts of the topic) and fixed questions. It says plainly that it is not an AI judgement.
public static partial class OfflineFeynman
{
    public const string Label = "【离线引擎】以下是按固定规则（长度、例句、关键概念）做的检查，不是 AI 的判断。";

    // Chinese characters plus English words; below this an explanation is too short to judge.
    public const int MinLength = 30;

    public sealed record Check(int Length, bool HasExample, IReadOnlyList<FeynmanConcept> Covered, IReadOnlyList<FeynmanConcept> Missing)
    {
        public bool TooShort => Length < MinLength;
    }

    public static Check Inspect(FeynmanInput input)
    {
        var said = string.Join("\n", input.StudentTexts);
        var covered = input.Concepts.Where(c => c.Signs.Any(s => Mentions(said, s))).ToList();
        return new Check(Measure(said), HasExample(said, input.ExampleWords), covered, input.Concepts.Except(covered).ToList());
    }

    public static string Turn(FeynmanInput input)
    {
        var check = Inspect(input);
        var text = new StringBuilder(Label).AppendLine();
        if (check.Covered.Count > 0) text.Append("你已经讲到：").Append(string.Join("、", check.Covered.Select(c => c.Name))).AppendLine("。");
        var gaps = Gaps(check, input).ToList();
        if (gaps.Count == 0) text.AppendLine("按这些规则看，你的解释已经覆盖了要点。");
        else
        {
            text.AppendLine("还缺少的地方：");
            foreach (var (gap, _) in gaps) text.Append("· ").AppendLine(gap);
        }
        var asked = input.TutorTexts.ToList();
        var question = gaps.Select(g => g.Question).Concat(input.Probes).FirstOrDefault(q => !asked.Any(a => a.Contains(q, StringComparison.Ordinal)))
            ?? input.Probes[(input.QuestionNumber - 1) % input.Probes.Count];
        text.Append("问题 ").Append(input.QuestionNumber).Append('/').Append(input.MaxQuestions).Append("：").Append(question);
        return text.ToString();
    }

    public static FeynmanSummary Summary(FeynmanInput input)
    {
        var check = Inspect(input);
        var understood = new List<string>();
        if (check.Covered.Count > 0) understood.Add($"讲到了{string.Join("、", check.Covered.Select(c => $"“{c.Name}”"))}");
        if (check.HasExample) understood.Add("给出了自己的英文例句");
        var missing = new List<string>();
        if (check.TooShort) missing.Add("解释还太短");
        if (!check.HasExample) missing.Add("还没有给出英文例句");
        if (check.Missing.Count > 0) missing.Add($"没有讲到{string.Join("、", check.Missing.Select(c => $"“{c.Name}”"))}");
        var practise = !check.HasExample
            ? input.Kind == FeynmanTopicKind.Word
                ? $"用 {input.ExampleWords.FirstOrDefault()} 的不同形式各造一个英文句子，说出每句的意思。"
                : $"用{input.Title}写三个自己的英文句子，并标出句中体现它的部分。"
            : check.Missing.Count > 0
                ? $"重点弄清“{check.Missing[0].Name}”：找两个例句，说明它在句子里的作用。"
                : $"做一组考查{input.Title}的练习题，检验你的解释是否经得起考验。";
        return new FeynmanSummary(
            (understood.Count > 0 ? string.Join("；", understood) + "。" : $"你尝试用自己的话解释了{input.Title}，但还没有讲到它的关键概念。"),
            missing.Count > 0 ? string.Join("；", missing) + "。" : "按固定规则检查，没有发现明显遗漏。",
            practise);
    }

    // Gaps in the order they matter, each with the question that makes the student fill it.
    private static IEnumerable<(string Gap, string Question)> Gaps(Check check, FeynmanInput input)
    {
        if (check.TooShort)
            yield return ("解释还很短，规则没有讲完整", "能不能用三四句话把它完整地讲一遍，就像讲给一位同学听？");
        if (!check.HasExample)
            yield return input.Kind == FeynmanTopicKind.Word
                ? ("还没有给出用这个词的英文例句", $"请用 {input.ExampleWords.FirstOrDefault()} 造一个英文句子，并说说它在句中的意思。")
                : ("还没有给出英文例句", "请写一个你自己造的英文句子来说明它，并指出句子里哪一部分体现了这个语法点。");
        foreach (var concept in check.Missing)
            yield return ($"没有提到“{concept.Name}”", $"你的解释没有提到“{concept.Name}”。它在{input.Title}里起什么作用？请举例说明。");
    }

    private static bool Mentions(string said, string sign) =>
        sign.Any(c => c > 0x2E80)
            ? said.Contains(sign, StringComparison.Ordinal)
            : Regex.IsMatch(said, $@"(?<![A-Za-z]){Regex.Escape(sign)}(?![A-Za-z])", RegexOptions.IgnoreCase);

    private static int Measure(string said) => said.Count(c => c >= 0x4E00 && c <= 0x9FFF) + EnglishWord().Matches(said).Count;

    // Four or more English words in a row make a sentence; for a word topic it must use the word.
    private static bool HasExample(string said, IReadOnlyList<string> words) =>
        EnglishRun().Matches(said).Any(m => words.Count == 0 || words.Any(w => Mentions(m.Value, w)));

    [GeneratedRegex(@"[A-Za-z]+(?:'[A-Za-z]+)?")]
    private static partial Regex EnglishWord();

    [GeneratedRegex(@"[A-Za-z]+(?:['\-][A-Za-z]+)*(?:[ ,]+[A-Za-z]+(?:['\-][A-Za-z]+)*){3,}")]
    private static partial Regex EnglishRun();
}
