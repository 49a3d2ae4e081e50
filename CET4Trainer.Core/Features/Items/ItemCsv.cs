using System.Text;
using CET4Trainer.Core.Features.Common;

namespace CET4Trainer.Core.Features.Items;

// CSV for simple multiple-choice items (one question, options A-D): the vocabulary drill types.
// Columns: type,title,topics,difficulty,stem,a,b,c,d,answer,explanation (topics separated by ';').
public static class ItemCsv
{
    public static readonly string[] Header = ["type", "title", "topics", "difficulty", "stem", "a", "b", "c", "d", "answer", "explanation"];

    public static readonly ItemType[] Types =
        [ItemType.VocabMeaningToWord, ItemType.VocabWordToMeaning, ItemType.VocabWordForm, ItemType.VocabSentenceCompletion];

    public static (List<(int Line, ItemDraft Draft)> Drafts, List<ImportProblem> Problems) Read(string text)
    {
        var drafts = new List<(int, ItemDraft)>();
        var problems = new List<ImportProblem>();
        var rows = Csv.Parse(new StringReader(text.TrimStart('\uFEFF'))).ToList();
        if (rows.Count == 0)
        {
            problems.Add(new("文件", "文件是空的。"));
            return (drafts, problems);
        }
        var header = rows[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (!header.SequenceEqual(Header))
        {
            problems.Add(new("第 1 行", $"表头必须是：{string.Join(",", Header)}"));
            return (drafts, problems);
        }
        foreach (var row in rows.Skip(1))
        {
            var where = $"第 {row.Line} 行";
            if (row.Fields.Count != Header.Length)
            {
                problems.Add(new(where, $"应有 {Header.Length} 列，实际 {row.Fields.Count} 列。"));
                continue;
            }
            var f = row.Fields;
            if (!Enum.TryParse<ItemType>(f[0].Trim(), ignoreCase: true, out var type) || !Types.Contains(type))
            {
                problems.Add(new(where, $"题型“{f[0]}”不能用 CSV 导入；可用：{string.Join("、", Types)}。其他题型请用 JSON。"));
                continue;
            }
            if (!int.TryParse(f[3].Trim(), out var difficulty))
            {
                problems.Add(new(where, $"难度“{f[3]}”不是 1-5 的整数。"));
                continue;
            }
            var draft = new ItemDraft
            {
                Type = type,
                Title = f[1],
                Topics = f[2].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
                Difficulty = difficulty,
                Explanation = f[10],
                Questions = [new QuestionDraft { Number = 1, Stem = f[4], Options = [f[5], f[6], f[7], f[8]], Answer = f[9], Explanation = f[10] }],
            };
            foreach (var error in ItemShapeRules.Validate(draft))
            {
                problems.Add(new(where, error.Message));
            }
            drafts.Add((row.Line, draft));
        }
        return (drafts, problems);
    }

    // UTF-8 with a byte-order mark so Excel opens Chinese text correctly.
    public static byte[] Write(IEnumerable<ItemDraft> drafts)
    {
        var text = new StringBuilder();
        text.Append(Csv.Line(Header)).Append("\r\n");
        foreach (var d in drafts.Where(d => Types.Contains(d.Type) && d.Questions.Count == 1))
        {
            var q = d.Questions[0];
            text.Append(Csv.Line([d.Type.ToString(), d.Title, string.Join(";", d.Topics), d.Difficulty.ToString(),
                q.Stem, .. q.Options, q.Answer, q.Explanation])).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
