using System.Net;
using CET4Trainer.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CET4Trainer.Tests.Operations;

public sealed class AdminOperationsPagesTests(Cet4AppFactory app) : IClassFixture<Cet4AppFactory>
{
    private HttpClient NewClient() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [InlineData("student@cet4.local", "/admin/jobs")]
    [InlineData("teacher@cet4.local", "/admin/jobs")]
    [InlineData("student@cet4.local", "/admin/database")]
    [InlineData("teacher@cet4.local", "/admin/database")]
    [InlineData("student@cet4.local", "/admin/backups")]
    [InlineData("teacher@cet4.local", "/admin/backups")]
    public async Task NonAdmins_AreRefused(string email, string path)
    {
        var client = NewClient();
        await FormLogin.LoginAsync(client, email, app.DemoPassword);

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("/admin/jobs")]
    [InlineData("/admin/database")]
    [InlineData("/admin/backups")]
    public async Task Anonymous_IsSentToLogin(string path)
    {
        var response = await NewClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("/admin/jobs", "data-testid=\"job-maintenance-retention\"")]
    [InlineData("/admin/jobs", "data-testid=\"ai-queue-Queued\"")]
    [InlineData("/admin/database", "data-testid=\"db-table-AspNetUsers\"")]
    [InlineData("/admin/backups", "data-testid=\"backups-empty\"")]
    public async Task Admin_OpensThePage_WithItsContent(string path, string expected)
    {
        var client = NewClient();
        await FormLogin.LoginAsync(client, "admin@cet4.local", app.DemoPassword);

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
