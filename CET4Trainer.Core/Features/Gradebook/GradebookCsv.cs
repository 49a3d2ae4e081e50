using System.Globalization;
using CET4Trainer.Core.Features.Common;
using CET4Trainer.Core.Features.Items;

namespace CET4Trainer.Core.Features.Gradebook;

// The gradebook as a spreadsheet: one row per student, a status and a percentage per assignment,
// then the averages, section percentages and the labelled estimate; the last row is the class summary.
public static class GradebookCsv
{
    public static byte[] Write(GradebookSheet book) => Csv.ExcelDocument(Rows(book));

    public static IEnumerable<IEnumerable<string?>> Rows(GradebookSheet book)
    {
        var header = new List<string?> { "姓名", "邮箱" };
        foreach (var a in book.Assignments) header.AddRange([$"{a.Title}（状态）", $"{a.Title}（得分率%）"]);
        header.Add("作业平均得分率%（缺交计 0）");
        header.AddRange(GradebookMath.Sections.Select(s => $"{ItemTypes.ChineseName(s)}得分率%"));
        header.Add("710 分制总分（估算）");
        yield return header;

        foreach (var s in book.Students)
        {
            var row = new List<string?> { s.Name, s.Email };
            foreach (var c in s.Cells) row.AddRange([GradeStatusText.ChineseName(c.Status), Number(c.Percent)]);
            row.Add(Number(s.Average));
            row.AddRange(s.Sections.Select(x => Number(x.Percent)));
            row.Add(s.Estimate is null ? "" : Number(Math.Round(s.Estimate.Total)));
            yield return row;
        }

        var summary = new List<string?> { "全班", "" };
        foreach (var a in book.Assignments) summary.AddRange([$"完成 {a.Done}/{book.Students.Count}", Number(a.ClassAverage)]);
        yield return summary;
    }

    private static string Number(double? value) => value is { } v ? Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture) : "";
}
