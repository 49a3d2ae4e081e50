using CET4Trainer.Core.Features.Feynman;

namespace CET4Trainer.Tests.Features.Feynman;

// The offline engine's fixed rules for a Feynman turn and summary.
public sealed class OfflineFeynmanTests
{
    private static readonly GrammarPoint Relative = GrammarPoints.Find("relative-clauses")!;

    [Fact]
    public void AShortExplanationWithoutAnExample_IsToldSo_AndAskedToSayMore()
    {
        var turn = OfflineFeynman.Turn(Input(1, "修饰名词。"));

        Assert.StartsWith(OfflineFeynman.Label, turn);
        Assert.Contains("· 解释还很短，规则没有讲完整", turn);
        Assert.Contains("· 还没有给出英文例句", turn);
        Assert.Contains("问题 1/3：能不能用三四句话把它完整地讲一遍", turn);
    }

    [Fact]
    public void CoveredConcepts_AreNamed_AndTheQuestionGoesToTheFirstRemainingGap()
    {
        const string said = "定语从句修饰前面的名词，这个名词叫先行词。关系代词 which 指物，who 指人。例如 The man who lives next door is a doctor.";

        var check = OfflineFeynman.Inspect(Input(1, said));
        var turn = OfflineFeynman.Turn(Input(1, said));

        Assert.True(check.HasExample);
        Assert.False(check.TooShort);
        Assert.Equal(["先行词", "关系代词"], check.Covered.Select(c => c.Name));
        Assert.Contains("你已经讲到：先行词、关系代词。", turn);
        Assert.Contains("问题 1/3：你的解释没有提到“关系副词”", turn);
    }

    [Fact]
    public void EnglishSigns_CountAsWholeWordsOnly()
    {
        // "whenever" is not "when", "somewhere" is not "where".
        var check = OfflineFeynman.Inspect(Input(1, "whenever somewhere 这些词我觉得都差不多，反正意思相近就可以用，没有什么特别需要注意的地方。"));

        Assert.DoesNotContain(check.Covered, c => c.Name == "关系副词");
    }

    [Fact]
    public void AQuestionAlreadyAsked_IsNotAskedAgain()
    {
        var first = OfflineFeynman.Turn(Input(1, "修饰名词。"));
        var transcript = new List<FeynmanLine> { new(FeynmanRole.Student, "修饰名词。"), new(FeynmanRole.Tutor, first), new(FeynmanRole.Student, "不知道。") };

        var second = OfflineFeynman.Turn(Input(2, transcript));

        Assert.Contains("问题 2/3：请写一个你自己造的英文句子", second);
    }

    [Fact]
    public void TheSummary_SaysWhatWasCovered_WhatIsMissing_AndOneThingToPractise()
    {
        const string said = "定语从句修饰先行词，说明是哪一个人或哪一个东西；关系代词 which 和 who 引导从句。The book which I bought is good.";

        var summary = OfflineFeynman.Summary(Input(3, said));

        Assert.Equal("讲到了“先行词”、“关系代词”；给出了自己的英文例句。", summary.Understood);
        Assert.Equal("没有讲到“关系副词”、“限制性与非限制性”。", summary.Missing);
        Assert.Equal("重点弄清“关系副词”：找两个例句，说明它在句子里的作用。", summary.Practise);
        Assert.Empty(new FeynmanSummarize().Validate(summary, Input(3, said)));
    }

    [Fact]
    public void SummaryValidation_RejectsEmptyAndOverlongParts()
    {
        var errors = new FeynmanSummarize().Validate(new FeynmanSummary("", new string('x', 401), "ok"), Input(1, "x"));

        Assert.Equal(["understood is empty.", "missing is longer than 400 characters."], errors);
    }

    [Fact]
    public void EveryGrammarPoint_HasConceptsAndThreeProbingQuestions()
    {
        Assert.Equal(12, GrammarPoints.All.Count);
        Assert.Equal(GrammarPoints.All.Count, GrammarPoints.All.Select(p => p.Key).Distinct().Count());
        Assert.All(GrammarPoints.All, p =>
        {
            Assert.Equal(3, p.Probes.Count);
            Assert.InRange(p.Concepts.Count, 3, 6);
            Assert.All(p.Concepts, c => Assert.NotEmpty(c.Signs));
        });
    }

    private static FeynmanInput Input(int question, string said) => Input(question, [new FeynmanLine(FeynmanRole.Student, said)]);

    private static FeynmanInput Input(int question, IReadOnlyList<FeynmanLine> transcript) =>
        new(FeynmanTopicKind.Grammar, Relative.Title, Relative.Rule, Relative.Concepts, [], Relative.Probes, transcript, question, 3);
}
