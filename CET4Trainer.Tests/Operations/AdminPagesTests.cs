using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CET4Trainer.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CET4Trainer.Tests.Operations;

// The admin pages of this feature over real HTTP: refused to teachers, students and anonymous visitors.
public sealed partial class AdminPagesTests(Cet4AppFactory app) : IClassFixture<Cet4AppFactory>
{
    public static readonly TheoryData<string> Pages = ["/admin/alerts", "/admin/health", "/admin/users"];

    private HttpClient NewClient() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task TeachersAndStudents_AreRefused(string path)
    {
        foreach (var email in new[] { "teacher@cet4.local", "student@cet4.local" })
        {
            var client = NewClient();
            Assert.Equal(HttpStatusCode.Redirect, (await FormLogin.LoginAsync(client, email, app.DemoPassword)).StatusCode);

            var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task AnonymousVisitors_AreSentToLogin(string path)
    {
        var response = await NewClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task AnAdmin_OpensEachPage()
    {
        var client = await AdminAsync();

        Assert.Contains("内存占用", await client.GetStringAsync("/admin/alerts", TestContext.Current.CancellationToken));
        Assert.Contains("admin@cet4.local", await client.GetStringAsync("/admin/users", TestContext.Current.CancellationToken));
        Assert.Contains("health-check-database", await client.GetStringAsync("/admin/health", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TheHealthPage_ShowsTheSameChecksAndStatuses_AsHealthReady()
    {
        var client = await AdminAsync();

        using var ready = JsonDocument.Parse(await client.GetStringAsync("/health/ready", TestContext.Current.CancellationToken));
        var html = await client.GetStringAsync("/admin/health", TestContext.Current.CancellationToken);

        var fromJson = ready.RootElement.GetProperty("checks").EnumerateArray()
            .Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("status").GetString()!)).ToList();
        var fromPage = CheckRow().Matches(html).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.NotEmpty(fromJson);
        Assert.Equal(fromJson, fromPage);
        Assert.Contains(("database", "Healthy"), fromPage);
        Assert.Contains(("scheduler", "Healthy"), fromPage);
    }

    private async Task<HttpClient> AdminAsync()
    {
        var client = NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await FormLogin.LoginAsync(client, "admin@cet4.local", app.DemoPassword)).StatusCode);
        return client;
    }

    [GeneratedRegex("data-testid=\"health-check-([a-z-]+)\" data-status=\"([A-Za-z]+)\"")]
    private static partial Regex CheckRow();
}
