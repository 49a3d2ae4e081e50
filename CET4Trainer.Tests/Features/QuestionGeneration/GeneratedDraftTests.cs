using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.QuestionGeneration;
using CET4Trainer.Tests.TestSupport;
using Microsoft.Extensions.AI;

namespace CET4Trainer.Tests.Features.QuestionGeneration;

public sealed class GeneratedDraftTests
{
    private static GenerateQuestionsInput Input(ItemType type, params ItemDraft[] references) =>
        new(type, "Environment", 4, references, 1, 42, []);

    private static readonly GenerateQuestionsOperation Operation = new(null!);

    [Fact]
    public void ADraftThatBreaksTheShapeRules_IsDiscarded_WithTheRulesOwnWords()
    {
        var good = GeneratedItem.From(SampleItems.Valid(ItemType.CarefulReading).Clone());
        good.Questions!.RemoveAt(4);
        good.Questions[0].Options = ["only", "three", "options"];

        var draft = good.ToDraft(Input(ItemType.CarefulReading));
        var problem = DraftCheck.Problem(draft);

        Assert.NotNull(problem);
        Assert.StartsWith("未通过题型检查：", problem);
        Assert.Contains("仔细阅读每篇文章必须有 5 道题（现在有 4 道）", problem);
        Assert.Contains("第 1 题必须有 4 个非空选项", problem);
        // The same rules are what the gateway's repair is asked to fix.
        Assert.Contains(Operation.Validate(good, Input(ItemType.CarefulReading)), e => e.Contains("5 道题"));
    }

    [Fact]
    public void AValidAnswer_BecomesADraftOfTheAskedTypeAndDifficulty_TaggedWithTheTopic()
    {
        var answer = GeneratedItem.From(SampleItems.Valid(ItemType.BankedCloze).Clone());
        answer.Difficulty = 1;

        var draft = answer.ToDraft(Input(ItemType.BankedCloze));

        Assert.Null(DraftCheck.Problem(draft));
        Assert.Empty(Operation.Validate(answer, Input(ItemType.BankedCloze)));
        Assert.Equal((ItemType.BankedCloze, 4), (draft.Type, draft.Difficulty));
        Assert.Equal("environment", draft.Topics[0]);
        Assert.Null(draft.Key);
    }

    [Fact]
    public void AnAnswerWithNullLists_IsReadAsEmpty_AndDiscardedForIt()
    {
        var answer = new GeneratedItem { Title = "Nothing", Questions = null, WordBank = null, Paragraphs = null, Explanation = "空" };

        var problem = DraftCheck.Problem(answer.ToDraft(Input(ItemType.VocabMeaningToWord)));

        Assert.Contains("必须恰好有 1 道题", problem);
    }

    [Fact]
    public void ThePrompt_CarriesTheTypeRulesTopicAndReferenceText()
    {
        var reference = SampleItems.Valid(ItemType.CarefulReading).Clone();

        var messages = Operation.BuildPrompt(Input(ItemType.CarefulReading, reference) with { Avoid = ["Earlier title"] });
        var text = string.Join("\n", messages.Select(m => m.Text));

        Assert.Equal([ChatRole.System, ChatRole.User], messages.Select(m => m.Role));
        Assert.Contains("CarefulReading", text);
        Assert.Contains("exactly 5 entries", text);
        Assert.Contains("\"Environment\"", text);
        Assert.Contains("Earlier title", text);
        Assert.Contains(reference.Passage[..40], text);
    }

    [Fact]
    public void PassageText_OfABankedCloze_HasItsAnswersPutBack()
    {
        var cloze = SampleItems.Valid(ItemType.BankedCloze).Clone();

        var text = PassageLibrary.SourceText(cloze)!;

        Assert.DoesNotContain("{{", text);
        foreach (var q in cloze.Questions) Assert.Contains(cloze.WordBank[q.Answer[0] - 'A'], text);
        Assert.Equal(["environment"], PassageLibrary.Keywords("环境"));
        Assert.Equal(["campus", "life"], PassageLibrary.Keywords("Campus Life"));
    }
}
