using System.Text.Json.Nodes;
using CET4Trainer.Core.Ai.Engine;

namespace CET4Trainer.Tests.Features.Ai;

public sealed class AiJsonOutputTests
{
    public enum Level { Easy, Hard }

    // Note has a default, so it may be left out; every other member must be there.
    public sealed record Graded(int Band, Level Level, IReadOnlyList<string> Quotes, string? Note = null);

    [Theory]
    [InlineData("{\"band\": 11, \"level\": \"hard\", \"quotes\": [\"a\"]}")]
    [InlineData("```json\n{\"band\": 11, \"level\": \"hard\", \"quotes\": [\"a\"]}\n```")]
    [InlineData("```\n{\"band\": 11, \"level\": \"Hard\", \"quotes\": [\"a\"]}\n```")]
    [InlineData("Here is the grade:\n{\"band\": 11, \"level\": \"hard\", \"quotes\": [\"a\"], \"extra\": true}\nHope it helps.")]
    public void ReadsTheObject_InsideFencesOrText(string reply)
    {
        var value = AiJsonOutput.TryRead<Graded>(reply, out var errors);

        Assert.Empty(errors);
        Assert.Equal(11, value!.Band);
        Assert.Equal(Level.Hard, value.Level);
        Assert.Equal(["a"], value.Quotes);
        Assert.Null(value.Note);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("null", "null")]
    [InlineData("{\"level\": \"hard\", \"quotes\": []}", "band")]
    [InlineData("{\"band\": 11, \"level\": \"hard\", \"quotes\": null}", "quotes")]
    [InlineData("{\"band\": \"eleven\", \"level\": \"hard\", \"quotes\": []}", "band")]
    [InlineData("{\"band\": 11, \"level\": \"medium\", \"quotes\": []}", "level")]
    [InlineData("{\"band\": 11, \"level\": ", "")]
    public void RejectsWhatDoesNotMatch_WithAReason(string reply, string mentioned)
    {
        var value = AiJsonOutput.TryRead<Graded>(reply, out var errors);

        Assert.Null(value);
        Assert.Contains(mentioned, Assert.Single(errors), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Schema_UsesCamelCase_MarksRequiredMembers_AndAllowsNullOnlyWhereAnnotated()
    {
        var schema = JsonNode.Parse(AiJsonOutput.SchemaFor(typeof(Graded)))!;

        var properties = schema["properties"]!.AsObject();
        Assert.Equal(["band", "level", "quotes", "note"], properties.Select(p => p.Key));
        Assert.Equal(["band", "level", "quotes"], schema["required"]!.AsArray().Select(n => n!.ToString()));
        Assert.Equal("integer", properties["band"]!["type"]!.ToString());
        Assert.Equal(["easy", "hard"], properties["level"]!["enum"]!.AsArray().Select(n => n!.ToString()));
        Assert.Equal("array", properties["quotes"]!["type"]!.ToString());
        Assert.Contains("null", properties["note"]!["type"]!.ToJsonString());
        Assert.Contains(AiJsonOutput.SchemaFor(typeof(Graded)), AiJsonOutput.Instruction(typeof(Graded)));
    }
}
