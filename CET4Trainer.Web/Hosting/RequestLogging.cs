using Serilog;

namespace CET4Trainer.Web.Hosting;

public static class RequestLogging
{
    // One line per request; health probes and static files are logged at Debug so they do not drown the rest.
    public static WebApplication UseCet4RequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.GetLevel = (context, _, ex) =>
                ex is not null || context.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/_framework")
                    || context.Request.Path.StartsWithSegments("/_content") ? Serilog.Events.LogEventLevel.Debug
                : Serilog.Events.LogEventLevel.Information;
            options.EnrichDiagnosticContext = (diagnostics, context) =>
                diagnostics.Set("RequestId", context.TraceIdentifier);
        });
        return app;
    }
}
