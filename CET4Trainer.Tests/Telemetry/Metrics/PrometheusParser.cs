using System.Globalization;
using System.Text;

namespace CET4Trainer.Tests.Telemetry.Metrics;

public sealed record PromSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

public sealed record PromExposition(IReadOnlyDictionary<string, string> Types, IReadOnlyList<PromSample> Samples);

// A strict reader of the Prometheus text format: every line must be a comment, blank, or a valid sample.
public static class PrometheusParser
{
    public static PromExposition Parse(string text)
    {
        var types = new Dictionary<string, string>();
        var samples = new List<PromSample>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0) continue;
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                Assert.True(types.TryAdd(parts[2], parts[3]), $"TYPE given twice for {parts[2]}");
                Assert.Contains(parts[3], new[] { "counter", "gauge", "summary", "histogram", "untyped" });
                continue;
            }
            if (line.StartsWith('#')) continue;
            samples.Add(Sample(line));
        }
        return new PromExposition(types, samples);
    }

    private static PromSample Sample(string line)
    {
        var i = 0;
        while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] is '_' or ':')) i++;
        var name = line[..i];
        Assert.Matches("^[a-zA-Z_:][a-zA-Z0-9_:]*$", name);
        var labels = new Dictionary<string, string>();
        if (i < line.Length && line[i] == '{')
        {
            i++;
            while (line[i] != '}')
            {
                var start = i;
                while (line[i] != '=') i++;
                var key = line[start..i];
                Assert.Matches("^[a-zA-Z_][a-zA-Z0-9_]*$", key);
                Assert.Equal('"', line[++i]);
                i++;
                var value = new StringBuilder();
                while (line[i] != '"')
                {
                    if (line[i] == '\\')
                    {
                        i++;
                        value.Append(line[i] switch
                        {
                            'n' => '\n',
                            '\\' => '\\',
                            '"' => '"',
                            var c => throw new FormatException($"Bad escape \\{c} in {line}"),
                        });
                    }
                    else
                    {
                        value.Append(line[i]);
                    }
                    i++;
                }
                labels.Add(key, value.ToString());
                i++;
                if (line[i] == ',') i++;
            }
            i++;
        }
        Assert.Equal(' ', line[i]);
        var number = line[(i + 1)..];
        var parsed = number switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            _ => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        return new PromSample(name, labels, parsed);
    }
}
