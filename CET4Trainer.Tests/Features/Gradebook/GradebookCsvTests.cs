using System.Text;
using CET4Trainer.Core.Features.Common;
using CET4Trainer.Core.Features.Gradebook;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Web.Hosting;

namespace CET4Trainer.Tests.Features.Gradebook;

public sealed class GradebookCsvTests
{
    private static readonly DateTime Due = new(2026, 11, 20, 16, 0, 0, DateTimeKind.Utc);

    private static GradebookStudent Student(string name, string email, params GradeCell[] cells) =>
        new(Guid.NewGuid().ToString(), name, email, cells, GradebookMath.SectionScores([new(ItemType.CarefulReading, 3, 4)]),
            GradebookMath.Estimate([new(ItemType.CarefulReading, 3, 4)]), GradebookMath.StudentAverage(cells));

    private static GradebookSheet Sheet(params GradebookStudent[] students) => new(1, "英语（1）班", "ABCDEF", Due,
        [new GradebookColumn(10, "第一周, \"阅读\"", Due.AddDays(-7), Due, 62.5, 1, 0, 1)], students);

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);

    [Fact]
    public void File_StartsWithTheUtf8ByteOrderMark_AndEndsEveryRecordWithCrLf()
    {
        var bytes = GradebookCsv.Write(Sheet(Student("张三", "zs@example.edu.cn", new GradeCell(10, GradeStatus.Completed, 1, 5, 8, 62.5))));

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Text(bytes);
        Assert.EndsWith("\r\n", text);
        Assert.Equal(3, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
    }

    [Fact]
    public void ChineseNamesCommasQuotesAndLineBreaks_RoundTripThroughAnRfc4180Reader()
    {
        var names = new[] { "张三", "李, 四", "王\"小\"五", "赵\n六" };
        var sheet = Sheet([.. names.Select((n, i) => Student(n, $"s{i}@example.edu.cn", new GradeCell(10, GradeStatus.Late, 1, 5, 8, 62.5)))]);

        var rows = Csv.Parse(new StringReader(Text(GradebookCsv.Write(sheet)))).ToList();

        Assert.Equal(["姓名", "邮箱", "第一周, \"阅读\"（状态）", "第一周, \"阅读\"（得分率%）"], rows[0].Fields.Take(4));
        Assert.Equal("710 分制总分（估算）", rows[0].Fields[^1]);
        Assert.Equal(names, rows.Skip(1).Take(names.Length).Select(r => r.Fields[0]));
        Assert.All(rows.Skip(1).Take(names.Length), r => Assert.Equal(["迟交", "62.5", "62.5"], r.Fields.Skip(2).Take(3)));
        Assert.Equal(["全班", "", "完成 1/4", "62.5"], rows[^1].Fields);
        Assert.All(rows.SkipLast(1), r => Assert.Equal(rows[0].Fields.Count, r.Fields.Count));
    }

    [Fact]
    public void CellsThatASpreadsheetWouldRunAsFormulas_AreNeutralised()
    {
        var hostile = new[] { "=HYPERLINK(\"http://evil.example\",\"点我\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1" };
        var sheet = Sheet([.. hostile.Select((n, i) => Student(n, $"=cmd|'/c calc'!A{i}", new GradeCell(10, GradeStatus.Missing, 0, null, null, null)))]);

        var rows = Csv.Parse(new StringReader(Text(GradebookCsv.Write(sheet)))).Skip(1).Take(hostile.Length).ToList();

        Assert.Equal(hostile.Select(h => "'" + h), rows.Select(r => r.Fields[0]));
        Assert.All(rows, r => Assert.StartsWith("'=cmd", r.Fields[1]));
        Assert.Equal("张三", Csv.Neutralise("张三"));
        Assert.Equal("", Csv.Neutralise(null));
        Assert.Equal("62.5", Csv.Neutralise("62.5"));
    }

    [Fact]
    public void StudentWithoutWork_HasEmptyNumbersAndNoEstimate()
    {
        var nobody = new GradebookStudent("x", "空", "k@example.edu.cn", [new GradeCell(10, GradeStatus.NotStarted, 0, null, null, null)],
            GradebookMath.SectionScores([]), null, null);

        var row = Csv.Parse(new StringReader(Text(GradebookCsv.Write(Sheet(nobody))))).ElementAt(1);

        Assert.Equal(["空", "k@example.edu.cn", "未开始", "", "", "", "", "", "", ""], row.Fields);
    }

    [Fact]
    public void DownloadName_IsEncodedPerRfc5987_WithAnAsciiFallback()
    {
        var header = GradebookEndpoints.Attachment("gradebook-7.csv", "成绩册-英语 1/2班\"-20261130.csv");

        Assert.StartsWith("attachment; filename=\"gradebook-7.csv\"; filename*=UTF-8''", header);
        var encoded = header[(header.IndexOf("''", StringComparison.Ordinal) + 2)..];
        Assert.Matches("^[A-Za-z0-9!#$&+\\-.^_`|~%]+$", encoded);
        Assert.Equal("成绩册-英语 1_2班_-20261130.csv", Uri.UnescapeDataString(encoded));
        Assert.Equal("%E6%88%90", GradebookEndpoints.Rfc5987("成"));
    }
}
