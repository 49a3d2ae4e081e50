using Bunit;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Hosting;
using CET4Trainer.Core.Operations.Database;
using CET4Trainer.Tests.TestSupport;
using CET4Trainer.Web.Components.Features.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Tests.Operations;

public sealed class DatabasePageTests : MudTestContext
{
    [Fact]
    public async Task NewSlowQueries_AppearWithoutReloading()
    {
        var log = new QueryLog(new FixedOptions<SlowQueryOptions>(new SlowQueryOptions { SlowQueryMilliseconds = 0 }), TimeProvider.System);
        using var database = new SqliteTestDatabase(new SlowQueryInterceptor(log));
        await using (var db = database.CreateDbContext())
        {
            Services.AddSingleton(new DatabaseReport(database, new ResolvedDatabase(DatabaseOptions.Sqlite, db.Database.GetConnectionString()!)));
        }
        Services.AddSingleton(log);
        Services.AddSingleton(new LocalClock(TimeProvider.System, Options.Create(new LocaleOptions())));
        var page = Render<DatabasePage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=db-table-AiCalls]")));
        Assert.DoesNotContain("live-marker", page.Markup);

        await using (var db = database.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT 'live-marker' AS probe", Xunit.TestContext.Current.CancellationToken);
        }

        page.WaitForAssertion(() => Assert.Contains("live-marker", page.Find("[data-testid=slow-queries]").TextContent), TimeSpan.FromSeconds(10));
    }
}
