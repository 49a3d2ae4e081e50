using CET4Trainer.Core.Features.Generators;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Scoring;
using CET4Trainer.Core.Features.Vocabulary;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Tests.Features.Scoring;

public sealed class OfflineGraderTests
{
    private static readonly Lazy<WordIndex> Index = new(() => new WordIndex(VocabularyData.Load()));
    private static readonly OfflineGrader Grader = new(w => Index.Value.Find(w) is not null, Options.Create(new ScoringOptions()));

    private static List<ItemDraft> Bundled(ItemType type) =>
        StarterContentSeeder.Packs().SelectMany(p => ItemPack.Read(p.Json).Pack!.Items).Where(i => i.Type == type).ToList();

    [Fact]
    public void ModelEssays_ScoreInTheUpperBands()
    {
        foreach (var item in Bundled(ItemType.Writing))
        {
            var grade = Grader.GradeWriting(item.Reference!, item.Passage, 120, 180);
            Assert.True(grade.Score >= 9, $"{item.Key}: model essay scored {grade.Score}");
            Assert.False(grade.OffTopic, item.Key);
            Assert.Contains("离线估算", grade.Summary);
        }
    }

    [Fact]
    public void BlankOrTinyAnswers_ScoreZero()
    {
        Assert.Equal(0, Grader.GradeWriting("", "Write about reading.", 120, 180).Score);
        Assert.Equal(0, Grader.GradeWriting("reading good", "Write about reading.", 120, 180).Score);
        Assert.Equal(0, Grader.GradeTranslation("", "Tea is an important part of Chinese culture.").Score);
    }

    [Fact]
    public void ShortEssays_LoseThePointsTheLengthTableSays()
    {
        var item = Bundled(ItemType.Writing)[0];
        var half = string.Join(' ', item.Reference!.Split(' ').Take(70));

        var grade = Grader.GradeWriting(half, item.Passage, 120, 180);

        Assert.Equal(Math.Min(5, (120 - grade.Words) / 10), grade.LengthDeduction);
        Assert.True(grade.LengthDeduction >= 4);
        Assert.Contains(grade.Improvements, i => i.Contains("少于最低要求"));
    }

    [Fact]
    public void OffTopicEssay_IsCappedLow_AndSaysSo()
    {
        var writing = Bundled(ItemType.Writing);
        var other = writing.First(w => w.Key == "wr-01");
        var prompt = writing.First(w => w.Key == "wr-06");

        var offTopic = Grader.GradeWriting(other.Reference!, "Directions: For this part, you are allowed 30 minutes to write an essay on protecting giant pandas in their mountain homes. You should write at least 120 words but no more than 180 words.", 120, 180);
        var onTopic = Grader.GradeWriting(prompt.Reference!, prompt.Passage, 120, 180);

        Assert.True(offTopic.OffTopic);
        Assert.True(offTopic.Score <= 4);
        Assert.Contains(offTopic.Improvements, i => i.Contains("离题"));
        Assert.False(onTopic.OffTopic);
    }

    [Fact]
    public void Translation_CloseToTheReference_ScoresHigh_AndAMissingHalfScoresLower()
    {
        foreach (var item in Bundled(ItemType.Translation).Take(4))
        {
            var full = Grader.GradeTranslation(item.Reference!, item.Reference!);
            var half = Grader.GradeTranslation(string.Join(' ', item.Reference!.Split(' ').Take(40)), item.Reference!);
            Assert.True(full.Score >= 13, $"{item.Key}: {full.Score}");
            Assert.True(half.Score < full.Score, $"{item.Key}: {half.Score} vs {full.Score}");
        }
    }
}
