using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Features.Grading;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Scoring;

namespace CET4Trainer.Tests.Features.Grading;

// What code does with a grader's answer: bands, the length deduction, the 106.5 scale and quote checks.
public sealed class GradeMappingTests(GradingFixture fixture) : IClassFixture<GradingFixture>
{
    private const string Sentence = "Reading every day helps students widen their knowledge and improve their writing skills. ";

    // A response of exactly `words` words (each sentence above has 13).
    private static string Essay(int words)
    {
        var all = string.Concat(Enumerable.Repeat(Sentence, words / 13 + 1)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var text = string.Join(' ', all.Take(words));
        Assert.Equal(words, TextMeasures.EnglishWords(text));
        return text;
    }

    private static GradingAnswer Answer(int score, params AnswerEvidence[] evidence) => new()
    {
        Score = score, Confidence = 0.85, OnTopic = true, Summary = "论证清楚。", Strengths = ["结构清楚"], ToNextBand = ["多用复合句"],
        Errors = [], Evidence = evidence.Length > 0 ? evidence.ToList() : [new("Reading every day helps students", "点明主题")],
    };

    private static WritingInput Writing(string response) => new("Write an essay on reading every day.", response, 120, 180);

    [Fact]
    public void ElevenOnAFullLengthEssay_IsBandElevenAnd78Point1_WithEngineAndVersionsRecorded()
    {
        var input = Writing(Essay(150));

        var grade = fixture.Writing().ToGrade(GradingFixture.FromProvider(Answer(11)), input);

        Assert.Equal(11, grade.Score);
        Assert.Equal(11, grade.Band);
        Assert.Equal(78.1, grade.Scaled, 6);
        Assert.Equal(0, grade.LengthDeduction);
        Assert.Equal(150, grade.Words);
        Assert.Equal("fake-provider", grade.Engine);
        Assert.Equal("fake-model-1", grade.Model);
        Assert.Equal(1, grade.PromptVersion);
        Assert.Equal(GradeWriting.RubricVersion, grade.RubricVersion);
        Assert.Equal(11, grade.ModelScore);
        Assert.Equal(0.85, grade.Confidence);
        Assert.False(grade.IsOffline);
        Assert.StartsWith("AI 评分：11 分（11 分档：", grade.Summary);
        Assert.Equal(["多用复合句"], grade.Improvements);
    }

    [Theory]
    [InlineData(15, 14)]
    [InlineData(13, 14)]
    [InlineData(12, 11)]
    [InlineData(10, 11)]
    [InlineData(9, 8)]
    [InlineData(7, 8)]
    [InlineData(6, 5)]
    [InlineData(4, 5)]
    [InlineData(3, 2)]
    [InlineData(1, 2)]
    [InlineData(0, 0)]
    public void WritingScores_MapToTheirBandAnchors_AndScaleBy7Point1(int score, int band)
    {
        var grade = fixture.Writing().ToGrade(GradingFixture.FromProvider(Answer(score)), Writing(Essay(140)));

        Assert.Equal(score, grade.Score);
        Assert.Equal(band, grade.Band);
        Assert.Equal(score * 7.1, grade.Scaled, 6);
    }

    [Fact]
    public void EssayThirtyFiveWordsShort_LosesThreePoints_AndTheBandFollowsTheDeductedScore()
    {
        var grade = fixture.Writing().ToGrade(GradingFixture.FromProvider(Answer(11)), Writing(Essay(85)));

        Assert.Equal(3, grade.LengthDeduction);
        Assert.Equal(11, grade.ModelScore);
        Assert.Equal(8, grade.Score);
        Assert.Equal(8, grade.Band);
        Assert.Equal(8 * 7.1, grade.Scaled, 6);
        Assert.Equal("字数 85 词，少于最低要求 120 词，扣 3 分。", Assert.Single(grade.Improvements, i => i.Contains("少于最低要求")));
    }

    [Fact]
    public void DeductionTable_ComesFromTheSettings_AndNeverTakesTheScoreBelowZero()
    {
        var strict = fixture.Writing(new ScoringOptions { DeductionPerTenWordsShort = 2, MaxLengthDeduction = 10 });
        var capped = fixture.Writing(new ScoringOptions { DeductionPerTenWordsShort = 2, MaxLengthDeduction = 3 });

        Assert.Equal(6, strict.ToGrade(GradingFixture.FromProvider(Answer(11)), Writing(Essay(85))).LengthDeduction);
        Assert.Equal(3, capped.ToGrade(GradingFixture.FromProvider(Answer(11)), Writing(Essay(85))).LengthDeduction);
        // Under ten words short costs nothing.
        Assert.Equal(0, fixture.Writing().ToGrade(GradingFixture.FromProvider(Answer(11)), Writing(Essay(111))).LengthDeduction);
        var tiny = fixture.Writing().ToGrade(GradingFixture.FromProvider(Answer(2)), Writing(Essay(30)));
        // The table says 5, but only the 2 points there were can be taken off.
        Assert.Equal(2, tiny.LengthDeduction);
        Assert.Equal(0, tiny.Score);
        Assert.Equal(0, tiny.Band);
    }

    [Fact]
    public void OverLongEssay_IsNotDeducted_ButToldToKeepToTheLimit()
    {
        var grade = fixture.Writing().ToGrade(GradingFixture.FromProvider(Answer(12)), Writing(Essay(200)));

        Assert.Equal(12, grade.Score);
        Assert.Contains("字数 200 词，超过 180 词的上限，考试中应控制篇幅。", grade.Improvements);
    }

    [Theory]
    [InlineData(15, 14)]
    [InlineData(11, 11)]
    [InlineData(9, 8)]
    [InlineData(4, 5)]
    [InlineData(1, 2)]
    [InlineData(0, 0)]
    public void Translation_HasNoLengthDeduction_AndSharesTheRanges(int score, int band)
    {
        var input = new TranslationInput("中国是世界上最早种茶的国家。", "China was the first country to grow tea.", null);

        var grade = fixture.Translation().ToGrade(GradingFixture.FromProvider(Answer(score, new AnswerEvidence("the first country", "准确"))), input);

        Assert.Equal(score, grade.Score);
        Assert.Equal(band, grade.Band);
        Assert.Equal(0, grade.LengthDeduction);
        Assert.Equal(score * 7.1, grade.Scaled, 6);
        Assert.Equal(GradeTranslation.RubricVersion, grade.RubricVersion);
    }

    [Fact]
    public void Quotes_AreLookedUpInTheResponse_AndOnesNotFoundAreKeptButMarkedUnverified()
    {
        const string response = "Reading every day is important.\nFirst, it widens our   knowledge. I think \"books are friends\". I thinks so.";
        var answer = new GradingAnswer
        {
            Score = 9, Confidence = 0.7, OnTopic = true, Summary = "s", Strengths = [], ToNextBand = [],
            Evidence =
            [
                new("reading every day is IMPORTANT.", "case differs"),
                new("it widens our knowledge", "spacing differs"),
                new("“books are friends”", "curly quotes"),
                new("Reading every day … our knowledge", "shortened with an ellipsis"),
                new("Reading every day is very important", "a word added"),
                new("it widens our knowlege", "spelling changed"),
                new("our knowledge ... Reading every day", "fragments out of order"),
            ],
            Errors = [new("I thinks so", "I think so", "主谓一致"), new("I thinked", "I thought", "过去式")],
        };

        var grade = fixture.Writing().ToGrade(GradingFixture.FromProvider(answer), Writing(response));

        Assert.Equal([true, true, true, true, false, false, false], grade.Evidence.Select(e => e.Verified));
        Assert.Equal(7, grade.Evidence.Count);
        Assert.Equal("Reading every day is very important", grade.Evidence[4].Quote);
        Assert.Equal([true, false], grade.Errors.Select(e => e.Verified));
        Assert.Equal("I think so", grade.Errors[0].Correction);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData("...", false)]
    [InlineData("WIDENS", true)]
    [InlineData("\"it widens our knowledge\"", true)]
    [InlineData("it widens their knowledge", false)]
    public void QuoteCheck_NormalisesOnlyCaseSpacingQuotesAndEllipses(string quote, bool found) =>
        Assert.Equal(found, QuoteCheck.Found(quote, "First, it  widens\tour knowledge."));

    [Fact]
    public async Task OfflinePath_GoesThroughTheSameMapping_AndAgreesWithTheOfflineEstimator()
    {
        var writing = fixture.Writing();
        var index = await fixture.Services.Words.GetAsync(TestContext.Current.CancellationToken);
        var estimator = new OfflineGrader(w => index.Find(w) is not null,
            Microsoft.Extensions.Options.Options.Create(new ScoringOptions()));
        var items = StarterContentSeeder.Packs().SelectMany(p => ItemPack.Read(p.Json).Pack!.Items).Where(i => i.Type == ItemType.Writing).ToList();
        foreach (var item in items)
        {
            foreach (var length in new[] { 8, 60, 100, 400 })
            {
                var response = string.Join(' ', item.Reference!.Split(' ').Take(length));
                var input = new WritingInput(item.Passage, response, 120, 180);
                var answer = await writing.RunOfflineAsync(input, TestContext.Current.CancellationToken);

                var grade = writing.ToGrade(new AiResult<GradingAnswer>(answer, AiEngines.Offline, null, writing.PromptVersion, AiUsage.None, 0, []), input);
                var direct = estimator.GradeWriting(response, item.Passage, 120, 180);

                Assert.Equal(direct.Score, grade.Score);
                Assert.Equal(direct.Band, grade.Band);
                Assert.Equal(direct.LengthDeduction, grade.LengthDeduction);
                Assert.Equal(direct.Summary, grade.Summary);
                Assert.Equal(direct.OffTopic, grade.OffTopic);
                Assert.Equal(OfflineGrader.EngineName, grade.Engine);
                Assert.True(grade.IsOffline);
                Assert.Null(grade.Confidence);
                Assert.Empty(grade.Evidence);
                Assert.True(grade.Improvements.Count(i => i.Contains("少于最低要求")) == (grade.Words < 120 ? 1 : 0), $"{item.Key} at {length} words");
            }
        }
    }
}
