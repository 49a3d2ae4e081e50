using Bunit;
using CET4Trainer.Core.Features.Exam;
using CET4Trainer.Web.Components.Features.Student;
using CET4Trainer.Tests.TestSupport;

namespace CET4Trainer.Tests.Web.Pages;

public sealed class ExamCountdownTests : MudTestContext
{
    [Fact]
    public void EstimatedDate_ShowsDaysAndSaysItIsAnEstimate()
    {
        var cut = Render<ExamCountdown>(p => p.Add(c => c.Sitting, new ExamSitting(new DateOnly(2026, 12, 19), false, 27)));

        Assert.Equal("27", cut.Find("[data-testid=days-left]").TextContent);
        Assert.Contains("2026 年 12 月 19 日 星期六", cut.Find("[data-testid=exam-date]").TextContent);
        Assert.Contains("估算", cut.Find("[data-testid=exam-date]").TextContent);
    }

    [Fact]
    public void AnnouncedDate_OnExamDay_SaysToday()
    {
        var cut = Render<ExamCountdown>(p => p.Add(c => c.Sitting, new ExamSitting(new DateOnly(2026, 12, 12), true, 0)));

        Assert.Equal("今天", cut.Find("[data-testid=days-left]").TextContent);
        Assert.Contains("官方公布", cut.Find("[data-testid=exam-date]").TextContent);
    }
}
