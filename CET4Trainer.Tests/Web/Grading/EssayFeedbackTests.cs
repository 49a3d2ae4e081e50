using Bunit;
using CET4Trainer.Core.Features.Scoring;
using CET4Trainer.Tests.TestSupport;
using CET4Trainer.Web.Components.Features.Practice;

namespace CET4Trainer.Tests.Web.Grading;

public sealed class EssayFeedbackTests : MudTestContext
{
    private static readonly EssayGrade AiGrade = new(11, 11, 78.1, "fake-provider", "AI 评分：11 分（11 分档）。论证清楚。", ["结构清楚"],
        ["多用复合句", "字数 110 词，少于最低要求 120 词，扣 1 分。"], 110, 1, false)
    {
        Model = "fake-model-1", PromptVersion = 3, RubricVersion = 2, ModelScore = 12, Confidence = 0.8,
        Evidence = [new("Reading widens our knowledge", "论点明确", true), new("books are our best friends", "引用不在原文中", false)],
        Errors = [new("I thinks so", "I think so", "主谓一致", true)],
    };

    private IRenderedComponent<EssayFeedback> Show(EssayGrade grade) =>
        Render<EssayFeedback>(p => p.Add(f => f.Grade, grade).Add(f => f.IsWriting, true).Add(f => f.Reference, "Model essay."));

    [Fact]
    public void AiGrade_ShowsBandScaleEngineFeedbackEvidenceAndVersions()
    {
        var cut = Show(AiGrade);

        Assert.Equal("11 / 15", cut.Find("[data-testid=essay-score]").TextContent.Trim());
        Assert.Equal("11 分档", cut.Find("[data-testid=essay-band]").TextContent.Trim());
        Assert.Contains("78.1 / 106.5", cut.Find("[data-testid=essay-scaled]").TextContent);
        Assert.Contains("AI 评分 · fake-provider", cut.Find("[data-testid=essay-engine]").TextContent);
        Assert.Contains("结构清楚", cut.Find("[data-testid=essay-strengths]").TextContent);
        Assert.Contains("扣 1 分", cut.Find("[data-testid=essay-improvements]").TextContent);
        var error = cut.Find("[data-testid=error]").TextContent;
        Assert.Contains("I thinks so", error);
        Assert.Contains("I think so", error);
        Assert.Contains("主谓一致", error);
        Assert.Contains("Reading widens our knowledge", cut.Find("[data-testid=evidence-verified]").TextContent);
        var unverified = cut.Find("[data-testid=evidence-unverified]").TextContent;
        Assert.Contains("books are our best friends", unverified);
        Assert.Contains("未核实", unverified);
        Assert.DoesNotContain("未核实", cut.Find("[data-testid=evidence-verified]").TextContent);
        Assert.Equal("评分引擎 fake-provider（fake-model-1） · 提示词 v3 · 评分标准 v2", cut.Find("[data-testid=essay-versions]").TextContent.Trim());
    }

    [Fact]
    public void OfflineEstimate_IsLabelledAsSuch_AndARefusalSaysWhy()
    {
        var offline = new EssayGrade(6, 5, 42.6, OfflineGrader.EngineName, "离线估算：6 分", [], ["多用衔接词"], 130, 0, false)
        {
            PromptVersion = 1, RubricVersion = 1, Notice = "每分钟 AI 请求已达上限。这次先给出离线估算。",
        };

        var cut = Show(offline);

        Assert.Equal("离线估算", cut.Find("[data-testid=essay-engine]").TextContent.Trim());
        Assert.Contains("离线估算：6 分", cut.Find("[data-testid=essay-summary]").TextContent);
        Assert.Contains("每分钟 AI 请求已达上限", cut.Find("[data-testid=essay-notice]").TextContent);
        Assert.Contains("评分引擎 离线估算", cut.Find("[data-testid=essay-versions]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=evidence]"));
    }

    [Fact]
    public void TeacherOverride_IsTheFinalScore_WithTheAiScoreAndCommentBeside()
    {
        var overridden = AiGrade with
        {
            Score = 13, Band = 14, Scaled = 92.3, Teacher = new TeacherVerdict(true, 13, 11, "结尾很有力。", new DateTime(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc)),
        };

        var cut = Show(overridden);

        Assert.Equal("教师评分", cut.Find("[data-testid=essay-teacher]").TextContent.Trim());
        Assert.Equal("13 / 15", cut.Find("[data-testid=essay-score]").TextContent.Trim());
        Assert.Equal("14 分档", cut.Find("[data-testid=essay-band]").TextContent.Trim());
        Assert.Equal("以下反馈来自AI 评分 · fake-provider（原为 11 分）：", cut.Find("[data-testid=essay-machine-note]").TextContent.Trim());
        Assert.Contains("结尾很有力。", cut.Find("[data-testid=essay-teacher-comment]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=essay-engine]"));
    }

    [Fact]
    public void ConfirmedGrade_KeepsTheEngineAndSaysTheTeacherConfirmed()
    {
        var cut = Show(AiGrade with { Teacher = new TeacherVerdict(false, 11, 11, null, DateTime.UtcNow) });

        Assert.Equal("教师已确认", cut.Find("[data-testid=essay-teacher]").TextContent.Trim());
        Assert.Contains("AI 评分", cut.Find("[data-testid=essay-engine]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=essay-teacher-comment]"));
    }

    [Fact]
    public void GradeStoredBeforeVersions_RendersWithoutSmallPrint()
    {
        var old = new EssayGrade(9, 8, 63.9, OfflineGrader.EngineName, "离线估算：9 分", [], [], 131, 0, false);

        var cut = Show(old);

        Assert.Equal("9 / 15", cut.Find("[data-testid=essay-score]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=essay-versions]"));
    }

    [Fact]
    public void Translation_ShowsItsScoreRange()
    {
        var cut = Render<EssayFeedback>(p => p.Add(f => f.Grade, AiGrade with { Score = 8, Band = 8 }).Add(f => f.IsWriting, false));

        Assert.Equal("7-9 分档", cut.Find("[data-testid=essay-band]").TextContent.Trim());
    }
}
