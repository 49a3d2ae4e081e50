using System.Text.Json;
using CET4Trainer.Core.Features.Grading;

namespace CET4Trainer.Tests.Features.Grading;

// The meaning checks a provider's JSON must pass before it is used (a failure earns one repair attempt).
public sealed class GradingValidateTests(GradingFixture fixture) : IClassFixture<GradingFixture>
{
    private const string Response = "Reading every day helps students. It widens knowledge.";

    private const string Good = """
        {"score": 9, "evidence": [{"quote": "Reading every day helps students", "shows": "clear topic"}],
         "strengths": ["主题明确"], "errors": [{"quote": "widens knowledge", "correction": "widens our knowledge", "reason": "缺少限定词"}],
         "toNextBand": ["展开论证"], "onTopic": true, "confidence": 0.8, "summary": "基本达到 8 分档。"}
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private IReadOnlyList<string> Check(string json)
    {
        var answer = JsonSerializer.Deserialize<GradingAnswer>(json, Json)!;
        var writing = fixture.Writing().Validate(answer, new WritingInput("Write about reading.", Response, 120, 180));
        var translation = fixture.Translation().Validate(answer, new TranslationInput("阅读", Response, null));
        Assert.Equal(writing, translation);
        return writing;
    }

    private static string With(string property, string value)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(Good)!.AsObject();
        if (value == "<absent>") node.Remove(property);
        else node[property] = System.Text.Json.Nodes.JsonNode.Parse(value);
        return node.ToJsonString();
    }

    [Fact]
    public void WellFormedAnswer_Passes() => Assert.Empty(Check(Good));

    [Theory]
    [InlineData("score", "16", "score must be a whole number from 0 to 15")]
    [InlineData("score", "-1", "score must be a whole number from 0 to 15")]
    [InlineData("score", "<absent>", "score is missing")]
    [InlineData("score", "null", "score is missing")]
    [InlineData("confidence", "1.5", "confidence must be a number from 0 to 1")]
    [InlineData("confidence", "-0.1", "confidence must be a number from 0 to 1")]
    [InlineData("confidence", "<absent>", "confidence is missing")]
    [InlineData("onTopic", "<absent>", "onTopic is missing")]
    [InlineData("summary", "\"  \"", "summary is missing")]
    [InlineData("strengths", "<absent>", "strengths is missing")]
    [InlineData("toNextBand", "null", "toNextBand is missing")]
    [InlineData("evidence", "<absent>", "evidence is missing")]
    [InlineData("evidence", "[]", "evidence must quote the response at least once")]
    [InlineData("evidence", "[{\"quote\": \"\", \"shows\": \"x\"}]", "every evidence entry needs a non-empty quote and shows")]
    [InlineData("evidence", "[{\"quote\": \"Reading\"}]", "every evidence entry needs a non-empty quote and shows")]
    [InlineData("errors", "<absent>", "errors is missing")]
    [InlineData("errors", "[{\"quote\": \"widens\", \"correction\": \"\", \"reason\": \"x\"}]", "every error needs a non-empty quote, correction and reason")]
    public void BadValue_IsReported(string property, string value, string message)
    {
        var problems = Check(With(property, value));

        Assert.Contains(problems, p => p.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void ZeroScore_MayComeWithoutEvidence()
    {
        Assert.Empty(Check(With("evidence", "[]").Replace("\"score\":9", "\"score\":0")));
    }

    [Fact]
    public void TooManyQuotesOrErrors_AreRejected()
    {
        var quotes = "[" + string.Join(',', Enumerable.Repeat("{\"quote\": \"Reading\", \"shows\": \"x\"}", 13)) + "]";
        var errors = "[" + string.Join(',', Enumerable.Repeat("{\"quote\": \"a\", \"correction\": \"b\", \"reason\": \"c\"}", 21)) + "]";

        Assert.Contains(Check(With("evidence", quotes)), p => p.Contains("more than 12"));
        Assert.Contains(Check(With("errors", errors)), p => p.Contains("more than 20"));
    }

    [Theory]
    [InlineData("7.5")]
    [InlineData("\"nine\"")]
    public void NonIntegerScore_FailsTheShapeCheckBeforeValidate(string score) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<GradingAnswer>(With("score", score), Json));
}
