using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.AiTasks;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.QuestionGeneration;
using CET4Trainer.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

// A scenario across two app processes: calls in sequence with their default tokens.
#pragma warning disable xUnit1051

namespace CET4Trainer.Tests.Features.AiTasks;

public sealed class KillRestartTests
{
    private const string Password = "Restart-test-2026";

    [Fact]
    public async Task KillingTheAppWithTasksQueuedAndRunning_ThenRestarting_FinishesEveryTaskExactlyOnce()
    {
        await using var provider = await FakeAiProvider.StartAsync();
        var item = GeneratedItem.From(SampleItems.Valid(ItemType.CarefulReading));
        provider.Responder = (_, _) => FakeReply.Json(item) with { Delay = TimeSpan.FromMilliseconds(400) };
        using var folder = new TempFolder();
        using var app = new AppProcess(folder, Password, new()
        {
            ["Ai__Providers__0__Name"] = "fake",
            ["Ai__Providers__0__BaseUrl"] = provider.BaseUrl,
            ["Ai__Providers__0__Model"] = provider.Model,
            ["Ai__Providers__0__ApiKey"] = "sk-restart-test",
            ["Ai__Providers__0__TimeoutSeconds"] = "10",
            ["Ai__Tasks__MaxRunning"] = "2",
            ["Ai__Tasks__LeaseSeconds"] = "3",
            ["Ai__Tasks__ReconcileSeconds"] = "1",
            ["Ai__Limits__DailyCostBudgetPerTeacher"] = "0",
        });
        await app.StartAsync(TimeSpan.FromSeconds(90));
        using var client = await SignedInClientAsync(app);

        var ids = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var response = await client.PostAsJsonAsync("/api/ai/generations", new GenerationRequest(ItemType.CarefulReading, "environment", 3, 3, []));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("taskId").GetGuid());
        }
        // Kill while some tasks are part done and others still wait in the queue.
        await WaitAsync(client, ids, tasks => tasks.Any(t => t.Status == AiTaskStatus.Running && t.Done >= 1)
            && tasks.Count(t => t.Status == AiTaskStatus.Queued) >= 2, TimeSpan.FromSeconds(60));
        app.Kill();

        await app.StartAsync(TimeSpan.FromSeconds(90));
        using var again = await SignedInClientAsync(app);
        var final = await WaitAsync(again, ids, tasks => tasks.All(t => t.IsFinal), TimeSpan.FromSeconds(120));

        Assert.All(final, t => Assert.Equal((AiTaskStatus.Succeeded, 3, "fake"), (t.Status, t.Done, t.Engine)));
        await using var db = OpenDatabase(folder);
        var generated = await db.Items.AsNoTracking().Where(i => i.Source == ItemSource.Ai).Select(i => i.Id).ToListAsync();
        Assert.Equal(18, generated.Count);
        var units = new List<GenerationUnit>();
        foreach (var task in await db.AiTasks.AsNoTracking().ToListAsync()) units.AddRange(GenerationUnit.Parse(task.ResultJson));
        Assert.Equal(18, units.Count);
        Assert.Equal(generated.Order(), units.Select(u => u.ItemId!.Value).Order());
        app.Kill();
    }

    private static async Task<HttpClient> SignedInClientAsync(AppProcess app)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };
        var login = await FormLogin.LoginAsync(client, "teacher@cet4.local", Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }

    private static async Task<List<AiTaskSnapshot>> WaitAsync(HttpClient client, List<Guid> ids, Func<List<AiTaskSnapshot>, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var tasks = new List<AiTaskSnapshot>();
        while (DateTime.UtcNow < deadline)
        {
            tasks.Clear();
            foreach (var id in ids) tasks.Add((await client.GetFromJsonAsync<AiTaskSnapshot>($"/api/ai/tasks/{id}", JsonSerializerOptions.Web))!);
            if (condition(tasks)) return tasks;
            await Task.Delay(100);
        }
        throw new TimeoutException(string.Join("; ", tasks.Select(t => $"{t.Status} {t.Done}/{t.Total} {t.Step}")));
    }

    private static AppDbContext OpenDatabase(TempFolder folder) =>
        new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={folder.File("cet4.db")};Pooling=false").Options);
}
