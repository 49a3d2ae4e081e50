using System.Net;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Accounts;
using CET4Trainer.Core.Features.AiTasks;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Tests.Features.AiTasks;
using CET4Trainer.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

// Scenario tests against the real host: requests made in sequence with their default tokens.
#pragma warning disable xUnit1051

namespace CET4Trainer.Tests.Web.AiTasks;

// Another teacher's task ids, tried over HTTP against the real app: every page and action refuses.
public sealed class AiTaskRefusalTests
{
    [Fact]
    public async Task AnotherTeacher_IsRefusedOnEveryTaskPageAndEndpoint_TheOwnerAndAnAdminAreNot()
    {
        await using var host = new TaskHost();
        var (ownerEmail, owner) = await TeacherAsync(host, "甲老师");
        var (otherEmail, _) = await TeacherAsync(host, "乙老师");
        var marker = Guid.NewGuid().ToString("N")[..10];
        var (id, error) = await host.Tasks.EnqueueAsync(new NewAiTask(TaskHost.Kind, $"学情分析 {marker}", new ScriptedInput(UnitDelayMs: 400), 60), owner);
        Assert.Null(error);
        var taskId = id!.Value;
        using var otherClient = await SignedInAsync(host, otherEmail);
        using var ownerClient = await SignedInAsync(host, ownerEmail);
        using var adminClient = await SignedInAsync(host, "admin@cet4.local");

        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync($"/api/ai/tasks/{taskId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync($"/api/ai/tasks/{taskId}/results")).StatusCode);
        var cancel = await otherClient.PostAsync($"/api/ai/tasks/{taskId}/cancel", null);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.PostAsync($"/api/ai/tasks/{taskId}/retry", null)).StatusCode);
        Assert.False((await host.WaitAsync(taskId, _ => true, TimeSpan.FromSeconds(1))).CancelRequested);

        var detail = await HtmlAsync(otherClient, $"/teacher/tasks/{taskId}");
        Assert.Contains("data-testid=\"task-refused\"", detail);
        Assert.DoesNotContain(marker, detail);
        var generation = await HtmlAsync(otherClient, $"/teacher/items/ai-generate/{taskId}");
        Assert.Contains("data-testid=\"gen-task-missing\"", generation);
        Assert.DoesNotContain(marker, generation);
        Assert.DoesNotContain(marker, await HtmlAsync(otherClient, "/teacher/tasks"));
        Assert.DoesNotContain(marker, await HtmlAsync(otherClient, "/teacher"));

        Assert.Equal(HttpStatusCode.OK, (await ownerClient.GetAsync($"/api/ai/tasks/{taskId}")).StatusCode);
        var ownerDetail = await HtmlAsync(ownerClient, $"/teacher/tasks/{taskId}");
        Assert.Contains(marker, ownerDetail);
        Assert.DoesNotContain("task-refused", ownerDetail);
        Assert.Contains(marker, await HtmlAsync(ownerClient, "/teacher/tasks"));
        Assert.Contains(marker, await HtmlAsync(ownerClient, "/teacher"));

        Assert.Equal(HttpStatusCode.OK, (await adminClient.GetAsync($"/api/ai/tasks/{taskId}")).StatusCode);
        var adminList = await HtmlAsync(adminClient, "/teacher/tasks");
        Assert.Contains(marker, adminList);
        Assert.Contains("发起人 甲老师", adminList);
        Assert.DoesNotContain("task-refused", await HtmlAsync(adminClient, $"/teacher/tasks/{taskId}"));

        Assert.Equal(HttpStatusCode.NoContent, (await ownerClient.PostAsync($"/api/ai/tasks/{taskId}/cancel", null)).StatusCode);
        Assert.Equal(AiTaskStatus.Cancelled, (await host.WaitAsync(taskId, t => t.IsFinal, TimeSpan.FromSeconds(15))).Status);
    }

    private static async Task<string> HtmlAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static async Task<HttpClient> SignedInAsync(TaskHost host, string email)
    {
        var client = host.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await FormLogin.LoginAsync(client, email, host.App.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }

    private static async Task<(string Email, Viewer Viewer)> TeacherAsync(TaskHost host, string name)
    {
        using var scope = host.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"teacher-{Guid.NewGuid():N}@example.edu.cn";
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = name };
        Assert.True((await users.CreateAsync(user, host.App.DemoPassword)).Succeeded);
        await users.AddToRoleAsync(user, Roles.Teacher);
        return (email, new Viewer(user.Id, false));
    }
}
