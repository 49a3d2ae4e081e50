using System.Net;
using CET4Trainer.Core.Telemetry.Metrics;
using CET4Trainer.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CET4Trainer.Tests.Telemetry.Metrics;

// /metrics and the monitoring pages on the real app over a loopback port, so the client address is real.
public sealed class MetricsEndpointTests
{
    private static (Cet4AppFactory App, Uri BaseAddress) Start(string? allowed = null)
    {
        var app = new Cet4AppFactory();
        if (allowed is not null) app.With("Monitoring:MetricsAllowedAddresses:0", allowed);
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address));
    }

    private static HttpClient Client(Uri baseAddress) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress };

    private static async Task<HttpClient> SignedInAsync(Cet4AppFactory app, Uri baseAddress, string email)
    {
        var client = Client(baseAddress);
        var login = await FormLogin.LoginAsync(client, email, app.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }

    [Fact]
    public async Task Metrics_RefusesAnonymousAndNonAdmins_AndGivesAdminsPrometheusText()
    {
        var (app, baseAddress) = Start();
        await using var _ = app;
        var ct = TestContext.Current.CancellationToken;

        using var anonymous = Client(baseAddress);
        var refused = await anonymous.GetAsync("/metrics", ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.DoesNotContain("http_server", await refused.Content.ReadAsStringAsync(ct));
        foreach (var email in new[] { "student@cet4.local", "teacher@cet4.local" })
        {
            using var user = await SignedInAsync(app, baseAddress, email);
            Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/metrics", ct)).StatusCode);
            var page = await user.GetAsync("/admin/monitoring", ct);
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Contains("AccessDenied", page.Headers.Location!.ToString());
        }

        using var admin = await SignedInAsync(app, baseAddress, "admin@cet4.local");
        for (var i = 0; i < 20; i++) await admin.GetAsync("/health/live", ct);
        var response = await admin.GetAsync("/metrics", ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var text = await response.Content.ReadAsStringAsync(ct);
        var parsed = PrometheusParser.Parse(text);
        Assert.Equal("summary", parsed.Types["http_server_request_duration_seconds"]);
        var live = parsed.Samples.Single(s => s.Name == "http_server_request_duration_seconds_count" && s.Labels.GetValueOrDefault("http_route") == "/health/live");
        Assert.True(live.Value >= 20, $"{live.Value} requests counted");
        Assert.Contains(parsed.Samples, s => s.Name.StartsWith("dotnet_", StringComparison.Ordinal));
        // No secret or personal data: the demo password and user e-mails never appear.
        Assert.DoesNotContain(app.DemoPassword, text);
        Assert.DoesNotContain("@cet4.local", text);

        var overview = await admin.GetAsync("/admin/monitoring", ct);
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Contains("系统监控", await overview.Content.ReadAsStringAsync(ct));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/monitoring/routes", ct)).StatusCode);
    }

    [Fact]
    public async Task Metrics_FromAnAllowedAddress_NeedsNoSignIn()
    {
        var (app, baseAddress) = Start(allowed: "127.0.0.0/8");
        await using var _ = app;
        using var scraper = Client(baseAddress);

        var response = await scraper.GetAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(PrometheusParser.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Samples);
    }

    [Fact]
    public void AllowedAddresses_MatchSingleAddressesRangesAndMappedIpv4()
    {
        var options = new MetricsOptions { MetricsAllowedAddresses = ["10.1.2.3", "192.168.0.0/16", "::1"] };
        var allowed = options.AllowedNetworks();

        Assert.True(CET4Trainer.Web.Hosting.MetricsEndpoint.FromAllowedAddress(IPAddress.Parse("10.1.2.3"), allowed));
        Assert.True(CET4Trainer.Web.Hosting.MetricsEndpoint.FromAllowedAddress(IPAddress.Parse("::ffff:192.168.7.9"), allowed));
        Assert.True(CET4Trainer.Web.Hosting.MetricsEndpoint.FromAllowedAddress(IPAddress.IPv6Loopback, allowed));
        Assert.False(CET4Trainer.Web.Hosting.MetricsEndpoint.FromAllowedAddress(IPAddress.Parse("10.1.2.4"), allowed));
        Assert.False(CET4Trainer.Web.Hosting.MetricsEndpoint.FromAllowedAddress(null, allowed));
    }

    [Fact]
    public void BadAllowedAddress_FailsValidationNamingTheKey()
    {
        var result = new MetricsOptionsValidator().Validate(null, new MetricsOptions { MetricsAllowedAddresses = ["10.0.0.1", "intranet"] });

        Assert.True(result.Failed);
        Assert.Contains("Monitoring:MetricsAllowedAddresses:1", result.FailureMessage);
    }
}
