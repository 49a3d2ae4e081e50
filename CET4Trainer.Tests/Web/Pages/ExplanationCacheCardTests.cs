using Bunit;
using CET4Trainer.Core.Features.Explanations;
using CET4Trainer.Tests.TestSupport;
using CET4Trainer.Web.Components.Features.Explanations;
using Microsoft.Extensions.DependencyInjection;

namespace CET4Trainer.Tests.Web.Pages;

public sealed class ExplanationCacheCardTests : MudTestContext
{
    [Fact]
    public void TheAdminCard_ShowsTheHitRateByTier_AndTheMemoryInUse()
    {
        var memory = new ExplanationMemory(10_000);
        memory.Put(ExplanationKey.Of(1, 1, 1, "A", ExplanationFollowUp.First, 1), new CachedExplanation(new string('x', 436), "p", null));
        var stats = new ExplanationCacheStats(memory);
        foreach (var source in new[] { ExplanationSource.Memory, ExplanationSource.Memory, ExplanationSource.Stored, ExplanationSource.Generated })
            stats.Count(source);
        Services.AddSingleton(stats);

        var cut = Render<ExplanationCacheCard>();

        Assert.Equal("75.0%", cut.Find("[data-testid=explanation-cache-rate]").TextContent.Replace(" ", ""));
        Assert.Contains("4 / 3（内存 2 · 数据库 1 · 同时请求合并 0）", cut.Markup);
        Assert.Contains("1 条，501 / 10,000 字符", cut.Markup);
    }

    [Fact]
    public void BeforeAnyRequest_TheCardSaysSo()
    {
        Services.AddSingleton(new ExplanationCacheStats(new ExplanationMemory(10_000)));

        var cut = Render<ExplanationCacheCard>();

        Assert.Contains("还没有请求", cut.Find("[data-testid=explanation-cache-rate]").TextContent);
    }
}
