using System.Text;

namespace CET4Trainer.Core.Features.Common;

// RFC 4180 CSV: quoted fields, doubled quotes, line breaks inside quotes. Rows carry the line they start on.
public static class Csv
{
    public sealed record Row(int Line, IReadOnlyList<string> Fields);

    public static IEnumerable<Row> Parse(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowStart = 1;
        var quoted = false;
        var atFieldStart = true;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { field.Append('"'); reader.Read(); }
                    else quoted = false;
                }
                else
                {
                    if (ch == '\n') line++;
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"' when atFieldStart:
                    quoted = true;
                    atFieldStart = false;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    if (!(fields.Count == 1 && fields[0].Length == 0)) yield return new Row(rowStart, fields);
                    fields = [];
                    atFieldStart = true;
                    line++;
                    rowStart = line;
                    break;
                default:
                    field.Append(ch);
                    atFieldStart = false;
                    break;
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return new Row(rowStart, fields);
        }
    }

    public static string Escape(string? value)
    {
        value ??= "";
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    public static string Line(IEnumerable<string?> values) => string.Join(",", values.Select(Escape));

    // A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula, so a
    // student named "=HYPERLINK(...)" could act on the teacher's machine; a leading apostrophe makes it text.
    public static string Neutralise(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value ?? "";

    // A file for Excel: UTF-8 with a byte order mark (without it Excel reads Chinese as the local code
    // page), CRLF line ends, RFC 4180 quoting and every cell neutralised.
    public static byte[] ExcelDocument(IEnumerable<IEnumerable<string?>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows) text.Append(Line(row.Select(Neutralise))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
