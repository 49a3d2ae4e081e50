using System.Text.Json;
using System.Text.Json.Serialization;
using CET4Trainer.Core.Telemetry;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CET4Trainer.Web.Hosting;

public static class HealthEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static WebApplication MapCet4Health(this WebApplication app)
    {
        // Live: the process answers. Ready: the database and the scheduler answer too.
        app.MapGet("/health/live", () => Results.Json(new { status = "Healthy" }, Json)).AllowAnonymous();
        app.MapGet("/health/ready", async (HealthSummaryService health, CancellationToken ct) =>
        {
            var summary = await health.ReadyAsync(ct);
            var code = summary.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
            return Results.Json(summary, Json, statusCode: code);
        }).AllowAnonymous();
        return app;
    }
}
