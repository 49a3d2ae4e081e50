using System.Net;
using CET4Trainer.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CET4Trainer.Tests.Data;

// The same app on PostgreSQL, chosen by one setting: migrations, seeding, the clustered scheduler store.
[Collection(PostgresCollection.Name)]
public sealed class PostgresAppTests(PostgresServer postgres)
{
    [Fact]
    public async Task AppOnPostgres_IsReady_AndDemoAccountsCanLogIn()
    {
        await using var app = new Cet4AppFactory()
            .With("Database:Provider", "Postgres")
            .With("Database:ConnectionString", await postgres.CreateDatabaseAsync());
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        var login = await FormLogin.LoginAsync(client, "teacher@cet4.local", app.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/teacher", login.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/teacher", TestContext.Current.CancellationToken)).StatusCode);
    }
}
