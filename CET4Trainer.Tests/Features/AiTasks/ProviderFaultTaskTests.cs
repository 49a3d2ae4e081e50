using CET4Trainer.Core.Features.AiTasks;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.QuestionGeneration;
using CET4Trainer.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Scenario test against the real host: services called in sequence with their default tokens.
#pragma warning disable xUnit1051

namespace CET4Trainer.Tests.Features.AiTasks;

public sealed class ProviderFaultTaskTests
{
    [Fact]
    public async Task TwoHundredGenerationTasks_AgainstAProviderFailingThirtyPercentOfCalls_AllEndFinal_AndEachItemIsMadeOnce()
    {
        await using var provider = await FakeAiProvider.StartAsync();
        var item = GeneratedItem.From(SampleItems.Valid(ItemType.CarefulReading));
        var random = new Random(20261130);
        provider.Responder = (_, _) =>
        {
            double roll;
            lock (random) roll = random.NextDouble();
            return roll switch
            {
                < 0.1 => FakeReply.Status(500),
                < 0.2 => FakeReply.Status(503),
                < 0.3 => FakeReply.RateLimited("0"),
                _ => FakeReply.Json(item),
            };
        };
        var settings = new Dictionary<string, string>
        {
            ["Ai:Providers:0:Name"] = "fake", ["Ai:Providers:0:BaseUrl"] = provider.BaseUrl, ["Ai:Providers:0:Model"] = provider.Model,
            ["Ai:Providers:0:ApiKey"] = "sk-fault-drill", ["Ai:Resilience:MaxRetries"] = "2", ["Ai:Resilience:BaseDelayMilliseconds"] = "5",
            ["Ai:Resilience:BreakerFailureRatio"] = "0.9", ["Ai:Tasks:MaxRunning"] = "4", ["Jobs:MaxConcurrency"] = "8",
            ["Ai:Limits:DailyCostBudgetPerTeacher"] = "0",
        };
        await using var host = new TaskHost(settings);
        var teacher = await host.UserAsync("teacher@cet4.local");
        var generation = host.App.Services.GetRequiredService<QuestionGenerationService>();
        var ids = new List<Guid>();
        for (var i = 0; i < 200; i++)
        {
            var started = await generation.StartAsync(new GenerationRequest(ItemType.CarefulReading, "environment", 3, 1, []), teacher);
            ids.Add(started.TaskId!.Value);
        }

        var tasks = await host.WaitAllFinalAsync(ids, TimeSpan.FromMinutes(4));

        Assert.All(tasks, t => Assert.Equal((AiTaskStatus.Succeeded, 1), (t.Status, t.Done)));
        var units = tasks.Select(t => Assert.Single(GenerationUnit.Parse(t.ResultJson))).ToList();
        await using var db = host.Db();
        var made = await db.Items.AsNoTracking().Where(i => i.Source == ItemSource.Ai || i.Source == ItemSource.OfflineGenerator).Select(i => i.Id).ToListAsync();
        Assert.Equal(made.Order(), units.Where(u => u.ItemId is not null).Select(u => u.ItemId!.Value).Order());
        // Retries absorbed most faults; a call that failed all its retries fell back to the offline engine, which
        // cannot write careful reading and says so instead of inventing an item.
        Assert.True(units.Count(u => u.ItemId is not null) >= 180, $"{units.Count(u => u.ItemId is not null)} items made");
        Assert.All(units.Where(u => u.ItemId is null), u => Assert.Contains("离线引擎不能生成该题型", u.Discarded));
        Assert.True(provider.RequestCount > 200, "the injected faults should have caused provider retries");
    }
}
