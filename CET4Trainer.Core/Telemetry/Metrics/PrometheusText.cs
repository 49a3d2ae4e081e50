using System.Globalization;
using System.Text;

namespace CET4Trainer.Core.Telemetry.Metrics;

// Writes metric families in the Prometheus text exposition format (version 0.0.4).
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IEnumerable<MetricFamily> families)
    {
        var text = new StringBuilder();
        // Two instruments can map to one exposed name; Prometheus wants each name once.
        foreach (var group in families.GroupBy(Name, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var first = group.First();
            if (!string.IsNullOrEmpty(first.Description)) text.Append("# HELP ").Append(group.Key).Append(' ').Append(EscapeHelp(first.Description)).Append('\n');
            text.Append("# TYPE ").Append(group.Key).Append(' ').Append(first.Type.ToString().ToLowerInvariant()).Append('\n');
            foreach (var sample in group.SelectMany(f => f.Samples))
            {
                if (first.Type == MetricType.Summary)
                {
                    foreach (var (q, v) in sample.Quantiles ?? [])
                        Line(text, group.Key, sample.Labels, v, new("quantile", Number(q)));
                    Line(text, group.Key + "_sum", sample.Labels, sample.Sum);
                    Line(text, group.Key + "_count", sample.Labels, sample.Count);
                }
                else
                {
                    Line(text, group.Key, sample.Labels, sample.Value);
                }
            }
        }
        return text.ToString();
    }

    public static string Name(MetricFamily family)
    {
        var name = Sanitize(family.Name, allowColon: true);
        var suffix = family.Unit switch
        {
            "s" => "_seconds",
            "ms" => "_milliseconds",
            "By" => "_bytes",
            _ => "",
        };
        if (suffix.Length > 0 && !name.EndsWith(suffix, StringComparison.Ordinal)) name += suffix;
        if (family.Type == MetricType.Counter && !name.EndsWith("_total", StringComparison.Ordinal)) name += "_total";
        return name;
    }

    private static void Line(StringBuilder text, string name, IReadOnlyList<KeyValuePair<string, string>> labels, double value, KeyValuePair<string, string>? extra = null)
    {
        text.Append(name);
        if (labels.Count > 0 || extra is not null)
        {
            text.Append('{');
            var separator = "";
            foreach (var (key, label) in extra is { } e ? labels.Append(e) : labels)
            {
                text.Append(separator).Append(Sanitize(key, allowColon: false)).Append("=\"").Append(EscapeLabel(label)).Append('"');
                separator = ",";
            }
            text.Append('}');
        }
        text.Append(' ').Append(Number(value)).Append('\n');
    }

    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    public static string EscapeLabel(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");

    private static string EscapeHelp(string value) => value.Replace("\\", "\\\\").Replace("\n", "\\n");

    private static string Sanitize(string name, bool allowColon)
    {
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            var ok = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' || (c is >= '0' and <= '9' && i > 0) || (allowColon && c == ':');
            if (!ok) chars[i] = '_';
        }
        return chars.Length == 0 ? "_" : new string(chars);
    }
}
