using System.Net;
using System.Text.RegularExpressions;
using CET4Trainer.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CET4Trainer.Tests.Hosting;

public sealed class ErrorPageTests
{
    [Fact]
    public async Task UnhandledError_ShowsFriendlyPageWithCorrelationId_AndNoStackTrace()
    {
        await using var app = new ThrowingApp();
        var response = await app.CreateClient().GetAsync("/boom", TestContext.Current.CancellationToken);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("出错了", html);
        var id = Regex.Match(html, "data-testid=\"correlation-id\">([^<]+)<").Groups[1].Value;
        Assert.False(string.IsNullOrWhiteSpace(id));
        Assert.DoesNotContain("Deliberate failure", html);
        Assert.DoesNotContain("ThrowingApp", html);
        Assert.Contains(app.Logs.Lines, line => line.Contains("Deliberate failure"));
    }

    // The real app with one extra terminal middleware that throws for /boom.
    private sealed class ThrowingApp : Cet4AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, ThrowAtTheEnd>());
        }
    }

    private sealed class ThrowAtTheEnd : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context => context.Request.Path == "/boom"
                ? throw new InvalidOperationException("Deliberate failure for the error page test")
                : Task.CompletedTask);
        };
    }
}
