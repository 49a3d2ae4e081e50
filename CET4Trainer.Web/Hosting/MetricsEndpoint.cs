using System.Net;
using CET4Trainer.Core.Features.Accounts;
using CET4Trainer.Core.Telemetry.Metrics;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Web.Hosting;

// /metrics in the Prometheus text format, for a scraper at a configured address or a signed-in admin.
public static class MetricsEndpoint
{
    public static WebApplication MapCet4Metrics(this WebApplication app)
    {
        IReadOnlyList<IPNetwork>? allowed = null;
        app.MapGet("/metrics", (HttpContext http, MetricsAggregator metrics, IOptions<MetricsOptions> options) =>
        {
            allowed ??= options.Value.AllowedNetworks();
            if (!FromAllowedAddress(http.Connection.RemoteIpAddress, allowed) && !http.User.IsInRole(Roles.Admin))
            {
                // A text body keeps the status-code pages from answering with HTML.
                return http.User.Identity?.IsAuthenticated == true
                    ? Results.Text("只有管理员可以读取指标。", statusCode: StatusCodes.Status403Forbidden)
                    : Results.Text("需要以管理员身份登录，或从允许的地址访问（Monitoring:MetricsAllowedAddresses）。", statusCode: StatusCodes.Status401Unauthorized);
            }
            http.Response.Headers.CacheControl = "no-store";
            return Results.Text(PrometheusText.Write(metrics.Families()), PrometheusText.ContentType);
        }).AllowAnonymous();
        return app;
    }

    public static bool FromAllowedAddress(IPAddress? remote, IReadOnlyList<IPNetwork> allowed)
    {
        if (remote is null || allowed.Count == 0) return false;
        if (remote.IsIPv4MappedToIPv6) remote = remote.MapToIPv4();
        return allowed.Any(n => n.Contains(remote));
    }
}
