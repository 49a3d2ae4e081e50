using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using CET4Trainer.Core.Features.Common;
using CET4Trainer.Core.Features.Items;

namespace CET4Trainer.Core.Features.Courses;

public sealed record RosterRow(int Line, string Name, string StudentNumber, string Email);

// Roster files: name, student number, e-mail (English or Chinese headers), UTF-8 with or without BOM.
public static partial class RosterCsv
{
    private static readonly string[][] Headers = [["name", "student_number", "email"], ["姓名", "学号", "邮箱"]];
    private static readonly EmailAddressAttribute Email = new();

    public static (List<RosterRow> Rows, List<ImportProblem> Problems) Read(string text)
    {
        var rows = new List<RosterRow>();
        var problems = new List<ImportProblem>();
        var parsed = Csv.Parse(new StringReader(text.TrimStart('\uFEFF'))).ToList();
        if (parsed.Count == 0) return (rows, [new("文件", "文件是空的。")]);
        var header = parsed[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (!Headers.Any(h => h.SequenceEqual(header)))
            return (rows, [new("第 1 行", "表头必须是 name,student_number,email 或 姓名,学号,邮箱。")]);
        var emails = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var numbers = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in parsed.Skip(1))
        {
            var where = $"第 {row.Line} 行";
            if (row.Fields.Count != 3) { problems.Add(new(where, $"应有 3 列（姓名、学号、邮箱），实际 {row.Fields.Count} 列。")); continue; }
            var (name, number, email) = (row.Fields[0].Trim(), row.Fields[1].Trim(), row.Fields[2].Trim());
            if (name.Length is 0 or > 40) problems.Add(new(where, "姓名不能为空，且不超过 40 个字符。"));
            if (!Number().IsMatch(number)) problems.Add(new(where, $"学号“{number}”无效：只能包含字母、数字和连字符，1-20 位。"));
            if (!Email.IsValid(email) || email.Length > 200) problems.Add(new(where, $"邮箱“{email}”格式不正确。"));
            if (emails.TryGetValue(email, out var firstEmail)) problems.Add(new(where, $"邮箱与第 {firstEmail} 行重复。"));
            else emails[email] = row.Line;
            if (numbers.TryGetValue(number, out var firstNumber)) problems.Add(new(where, $"学号与第 {firstNumber} 行重复。"));
            else numbers[number] = row.Line;
            rows.Add(new RosterRow(row.Line, name, number, email));
        }
        if (rows.Count == 0 && problems.Count == 0) problems.Add(new("文件", "文件中没有学生。"));
        return (rows, problems);
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,20}$")]
    private static partial Regex Number();
}
