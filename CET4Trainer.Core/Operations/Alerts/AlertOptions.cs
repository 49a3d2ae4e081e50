using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Core.Operations.Alerts;

public sealed class AlertOptions
{
    public const string Section = "Monitoring:Alerts";

    [Range(5, 300, ErrorMessage = "Monitoring:Alerts:EvaluateEverySeconds must be between 5 and 300.")]
    public int EvaluateEverySeconds { get; set; } = 15;

    // Start-up itself (migrations, seeding, JIT) loads the machine; the first evaluation waits it out.
    [Range(0, 3600, ErrorMessage = "Monitoring:Alerts:FirstEvaluationDelaySeconds must be between 0 and 3600.")]
    public int FirstEvaluationDelaySeconds { get; set; } = 60;

    // Empty: no webhook. Otherwise an absolute http(s) address that receives a JSON POST per change.
    public string WebhookUrl { get; set; } = "";

    [Range(1, 10, ErrorMessage = "Monitoring:Alerts:WebhookMaxAttempts must be between 1 and 10.")]
    public int WebhookMaxAttempts { get; set; } = 5;

    // The first retry waits this long; each further retry waits twice as long as the one before.
    [Range(10, 60_000, ErrorMessage = "Monitoring:Alerts:WebhookRetryDelayMs must be between 10 and 60000.")]
    public int WebhookRetryDelayMs { get; set; } = 2000;

    [Range(1, 60, ErrorMessage = "Monitoring:Alerts:WebhookTimeoutSeconds must be between 1 and 60.")]
    public int WebhookTimeoutSeconds { get; set; } = 10;

    public Uri? Webhook => Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var uri) ? uri : null;
}

internal sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.WebhookUrl)) return ValidateOptionsResult.Success;
        // The address itself is not repeated: it may carry a token.
        return options.Webhook is { Scheme: "http" or "https" }
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Monitoring:Alerts:WebhookUrl must be an absolute http or https address, or empty for no webhook.");
    }
}
