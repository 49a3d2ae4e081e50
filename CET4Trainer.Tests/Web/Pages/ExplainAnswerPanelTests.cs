using System.Security.Claims;
using Bunit;
using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Ai.Engine;
using CET4Trainer.Core.Ai.Recording;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Explanations;
using CET4Trainer.Core.Features.Generators;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;
using CET4Trainer.Tests.TestSupport;
using CET4Trainer.Web.Components.Features.Practice;
using CET4Trainer.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CET4Trainer.Tests.Web.Pages;

// The answer feedback with "why was I wrong?", over the real explanation service and offline engine.
public sealed class ExplainAnswerPanelTests : MudTestContext
{
    // The first explanation builds the EF model and reads the word list; the machine is shared.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private readonly SqliteTestDatabase database = new();
    private readonly ItemView item = new(1, 1, ItemType.CarefulReading, SampleItems.Valid(ItemType.CarefulReading), [1, 2, 3, 4, 5]);

    public ExplainAnswerPanelTests()
    {
        Services.AddSingleton<IDbContextFactory<AppDbContext>>(database);
        Services.AddSingleton(TimeProvider.System);
        Services.AddMetrics();
        Services.AddSingleton<AiMetrics>();
        Services.AddSingleton(new AiCallRecorder(database, NullLogger<AiCallRecorder>.Instance));
        Services.AddSingleton(OfflineGateway.Create(database, TimeProvider.System));
        Services.AddSingleton(new WordIndexProvider(database));
        Services.AddSingleton<ExplainAnswer>();
        Services.AddSingleton(new ExplanationMemory(100_000));
        Services.AddSingleton<ExplanationCacheStats>();
        Services.AddSingleton<ExplanationCache>();
        Services.AddSingleton<ExplanationService>();
        Services.AddScoped<CurrentUser>();
        var auth = AddAuthorization();
        auth.SetAuthorized("student");
        auth.SetRoles("Student");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "student-1"));
    }

    [Fact]
    public void AWrongAnswer_WhyShowsAnExplanationLabelledWithItsEngine_AndEachFollowUpOnce()
    {
        var question = item.Draft.Questions[0];
        var cut = Render<QuestionFeedback>(p => p.Add(c => c.Correct, false).Add(c => c.Answer, question.Answer)
            .Add(c => c.Explanation, question.Explanation).Add(c => c.Item, item).Add(c => c.Number, 1).Add(c => c.Chosen, "A"));

        cut.Find("[data-testid=explain-why]").Click();

        cut.WaitForAssertion(() => Assert.Equal("done", cut.Find("[data-testid=explain-First] [data-testid=ai-stream]").GetAttribute("data-state")), Wait);
        var first = cut.Find("[data-testid=explain-First] [data-testid=ai-stream-text]").TextContent;
        Assert.StartsWith(OfflineExplanation.Label, first);
        Assert.Contains(question.Explanation, first);
        Assert.Equal("true", cut.Find("[data-testid=ai-engine]").GetAttribute("data-offline"));

        foreach (var followUp in new[] { ExplanationFollowUp.Simpler, ExplanationFollowUp.InChinese, ExplanationFollowUp.AnotherExample })
        {
            // The panel may still be rendering the end of the previous stream: click once the button is stable.
            cut.WaitForAssertion(() => cut.Find($"[data-testid=explain-followup-{followUp}]").Click(), Wait);
            cut.WaitForAssertion(() => Assert.Equal("done", cut.Find($"[data-testid=explain-{followUp}] [data-testid=ai-stream]").GetAttribute("data-state")), Wait);
            Assert.True(cut.Find($"[data-testid=explain-followup-{followUp}]").HasAttribute("disabled"));
        }
        Assert.Contains("一句话：正确答案是", cut.Find("[data-testid=explain-Simpler]").TextContent);
        Assert.Contains("说得更简单些", cut.Find("[data-testid=explain-Simpler]").TextContent);
        Assert.Equal(4, cut.FindAll("[data-testid=ai-engine]").Count);
    }

    [Fact]
    public void ARightAnswer_OrOneThatCannotBeExplained_HasNoWhyButton()
    {
        var right = Render<QuestionFeedback>(p => p.Add(c => c.Correct, true).Add(c => c.Answer, "B").Add(c => c.Item, item).Add(c => c.Number, 1).Add(c => c.Chosen, "B"));
        var noItem = Render<QuestionFeedback>(p => p.Add(c => c.Correct, false).Add(c => c.Answer, "B"));

        Assert.Empty(right.FindAll("[data-testid=explain-why]"));
        Assert.Empty(noItem.FindAll("[data-testid=explain-why]"));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        database.Dispose();
    }
}
