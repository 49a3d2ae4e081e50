using System.Net;
using System.Text.Json;
using CET4Trainer.Tests.TestSupport;

namespace CET4Trainer.Tests.Hosting;

public sealed class HealthEndpointTests : IClassFixture<Cet4AppFactory>
{
    private readonly Cet4AppFactory app;

    public HealthEndpointTests(Cet4AppFactory app) => this.app = app;

    [Fact]
    public async Task Live_AnswersHealthyJson()
    {
        var response = await app.CreateClient().GetAsync("/health/live", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_ReportsDatabaseAndSchedulerHealthy()
    {
        var response = await app.CreateClient().GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var checks = json.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("Healthy", checks["database"]);
        Assert.Equal("Healthy", checks["scheduler"]);
    }

    [Fact]
    public async Task Ready_WhenDatabaseFileIsGone_ReportsUnhealthyWith503()
    {
        await using var broken = new Cet4AppFactory();
        var client = broken.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode);

        // Make the database unreachable for one request: the folder holding it moves away and a file takes its
        // place. It comes back afterwards, because the scheduler may hold a trigger it can only hand back to
        // its store before the app can shut down.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var away = broken.Folder.Path + ".away";
        Directory.Move(broken.Folder.Path, away);
        await File.WriteAllTextAsync(broken.Folder.Path, "not a folder", TestContext.Current.CancellationToken);

        HttpResponseMessage response;
        try
        {
            response = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        }
        finally
        {
            File.Delete(broken.Folder.Path);
            Directory.Move(away, broken.Folder.Path);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Unhealthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
