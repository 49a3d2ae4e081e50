using System.Net;
using CET4Trainer.Tests.TestSupport;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

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

        // The one-command answer upsert works on PostgreSQL too, mistakes included.
        var users = app.Services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<CET4Trainer.Core.Data.ApplicationUser>>();
        var student = (await users.FindByEmailAsync("student@cet4.local"))!.Id;
        var starter = app.Services.GetRequiredService<SessionStarter>();
        var practice = app.Services.GetRequiredService<PracticeService>();
        var start = await starter.StartDrillAsync(student, ItemType.CarefulReading, null, 1, TestContext.Current.CancellationToken);
        var view = (await practice.LoadAsync(start.SessionId!.Value, student, TestContext.Current.CancellationToken))!;
        var item = view.Items[0].Item;
        var wrong = item.Draft.Questions[0].Answer == "A" ? "B" : "A";
        await practice.SubmitAsync(view, item, 1, wrong, 1500, cancellationToken: TestContext.Current.CancellationToken);
        await practice.SubmitAsync(view, item, 1, item.Draft.Questions[0].Answer, 500, cancellationToken: TestContext.Current.CancellationToken);
        var reloaded = (await practice.LoadAsync(view.Id, student, TestContext.Current.CancellationToken))!;
        var answer = reloaded.AnswersByQuestion[item.QuestionId(1)];
        Assert.True(answer.IsCorrect);
        Assert.Equal(2000, answer.TimeSpentMs);
        var notebook = await app.Services.GetRequiredService<MistakeNotebook>().OpenAsync(student, null, TestContext.Current.CancellationToken);
        Assert.Single(notebook);
    }
}
