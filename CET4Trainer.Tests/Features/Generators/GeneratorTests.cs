using CET4Trainer.Core.Features.Generators;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Vocabulary;
using CET4Trainer.Tests.TestSupport;

namespace CET4Trainer.Tests.Features.Generators;

public sealed class GeneratorTests
{
    private static readonly Lazy<WordIndex> Index = new(() => new WordIndex(VocabularyData.Load()));

    private const string Passage = SamplePassages.Notebook + " A list that is never opened again will quickly be forgotten, just like the words inside it. " +
        "Teachers therefore encourage learners to choose a fixed moment each day for review and to test themselves instead of simply reading the list.";

    public static TheoryData<ItemType> DrillTypes => new(VocabularyDrillGenerator.Types);

    [Theory]
    [MemberData(nameof(DrillTypes))]
    public void Drills_PassTheShapeRules_AndAreTheSameForTheSameSeed(ItemType type)
    {
        var generator = new VocabularyDrillGenerator(Index.Value);

        var first = generator.Generate(type, 25, seed: 7);
        var again = generator.Generate(type, 25, seed: 7);
        var other = generator.Generate(type, 25, seed: 8);

        Assert.Equal(25, first.Count);
        Assert.All(first, d => Assert.Empty(ItemShapeRules.Validate(d)));
        Assert.Equal(ItemPack.Write(first), ItemPack.Write(again));
        Assert.NotEqual(ItemPack.Write(first), ItemPack.Write(other));
    }

    [Fact]
    public void MeaningToWord_DistractorsShareThePartOfSpeech_HaveSimilarFrequency_AndCannotBeAlsoRight()
    {
        var drafts = new VocabularyDrillGenerator(Index.Value).Generate(ItemType.VocabMeaningToWord, 200, seed: 3);

        foreach (var draft in drafts)
        {
            var q = draft.Questions[0];
            var answer = Index.Value.Find(q.Options["ABCD".IndexOf(q.Answer)])!;
            foreach (var option in q.Options.Where(o => o != answer.Headword))
            {
                var distractor = Index.Value.Find(option)!;
                Assert.Equal(answer.MainPartOfSpeech, distractor.MainPartOfSpeech);
                Assert.False(Glosses.MayOverlap(answer.TranslationZh, distractor.TranslationZh), $"{option} could also mean {answer.TranslationZh}");
                Assert.False(DistractorPicker.Related(answer, distractor));
            }
        }
        // Frequency: the distractors come from the answer's neighbourhood, not from anywhere in the list.
        var gaps = drafts.SelectMany(d => d.Questions[0].Options.Select(o => Index.Value.Find(o)!.FrequencyRank)
            .Select(r => Math.Abs(r - Index.Value.Find(d.Questions[0].Options["ABCD".IndexOf(d.Questions[0].Answer)])!.FrequencyRank))).Order().ToList();
        Assert.True(gaps[gaps.Count / 2] < 300, $"median frequency gap {gaps[gaps.Count / 2]}");
    }

    [Fact]
    public void Glosses_SynonymsOverlap_UnrelatedMeaningsDoNot()
    {
        Assert.True(Glosses.MayOverlap("vt. 放弃, 抛弃, 遗弃", "vt. 丢弃, 放弃"));
        Assert.True(Glosses.MayOverlap("n. 能力, 才干", "n. 才能"));
        Assert.False(Glosses.MayOverlap("vt. 放弃, 抛弃", "n. 航空器, 飞机"));
        Assert.Equal(["能力", "才干"], Glosses.Senses("n. 能力, 才干"));
    }

    [Fact]
    public void WordForm_OptionsAreFormsOfOneWord_AndTheChineseFixesTheAnswer()
    {
        var drafts = new VocabularyDrillGenerator(Index.Value).Generate(ItemType.VocabWordForm, 30, seed: 5);

        Assert.All(drafts, d =>
        {
            var q = d.Questions[0];
            var words = q.Options.Select(o => Index.Value.Find(o)?.Headword).Distinct().ToList();
            Assert.Single(words);
            Assert.Contains("______", q.Stem);
            Assert.Contains('\n', q.Stem);
        });
    }

    [Fact]
    public void BankedCloze_FromAPassage_IsValidDeterministicAndLeavesTheFirstSentenceWhole()
    {
        var generator = new BankedClozeGenerator(Index.Value);

        var result = generator.Generate(Passage, seed: 11);
        var again = generator.Generate(Passage, seed: 11);

        Assert.Null(result.Error);
        var draft = result.Draft!;
        Assert.Empty(ItemShapeRules.Validate(draft));
        Assert.Equal(ItemPack.Write([draft]), ItemPack.Write([again.Draft!]));
        Assert.StartsWith("Many students now keep a small notebook of new words.", draft.Passage);
        var answers = draft.Questions.Select(q => draft.WordBank["ABCDEFGHIJKLMNO".IndexOf(q.Answer)]).ToList();
        var distractors = draft.WordBank.Except(answers).ToList();
        Assert.Equal(5, distractors.Count);
        // Filling the blanks with the answers gives back the original passage.
        var filled = draft.Passage;
        for (var i = 0; i < 10; i++) filled = filled.Replace($"{{{{{i + 1}}}}}", answers[i]);
        Assert.Equal(Passage, filled);
        // Distractors are CET-4 words that do not occur in the passage.
        Assert.All(distractors, d => Assert.DoesNotContain($" {d} ", " " + Passage + " "));
        // Blanks are spread: the first and last blanks are far apart.
        Assert.True(draft.Passage.IndexOf("{{10}}") - draft.Passage.IndexOf("{{1}}") > Passage.Length / 2);
    }

    [Theory]
    [InlineData("Too short to blank anything at all.", "文章太短")]
    [InlineData("", "文章太短")]
    public void BankedCloze_FromUnusablePassage_ExplainsWhy(string passage, string reason)
    {
        var result = new BankedClozeGenerator(Index.Value).Generate(passage, seed: 1);

        Assert.Null(result.Draft);
        Assert.Contains(reason, result.Error);
    }

    [Fact]
    public void BankedCloze_FromPassageWithFewCet4ContentWords_ExplainsWhy()
    {
        var names = string.Join(" ", Enumerable.Range(0, 130).Select(i => i % 10 == 9 ? "Zork." : "Zork"));

        var result = new BankedClozeGenerator(Index.Value).Generate(names, seed: 1);

        Assert.Contains("可以挖空的四级实词", result.Error);
    }
}
