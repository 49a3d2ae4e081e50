using Microsoft.Extensions.Options;

namespace CET4Trainer.Core.Ai;

// Messages name the configuration key (Ai:Providers:0:BaseUrl) so the fix is obvious.
internal sealed class AiOptionsValidator : IValidateOptions<AiOptions>
{
    public ValidateOptionsResult Validate(string? name, AiOptions options)
    {
        var errors = new List<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Providers.Count; i++)
        {
            var p = options.Providers[i];
            var key = $"Ai:Providers:{i}";
            if (string.IsNullOrWhiteSpace(p.Name)) errors.Add($"{key}:Name is required.");
            else if (!names.Add(p.Name)) errors.Add($"{key}:Name '{p.Name}' is used by more than one provider.");
            if (!Uri.TryCreate(p.BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                errors.Add($"{key}:BaseUrl must be an absolute http or https address.");
            if (string.IsNullOrWhiteSpace(p.Model)) errors.Add($"{key}:Model is required.");
            if (p.MaxConcurrency is < 1 or > 256) errors.Add($"{key}:MaxConcurrency must be between 1 and 256.");
            if (p.TimeoutSeconds is < 1 or > 600) errors.Add($"{key}:TimeoutSeconds must be between 1 and 600.");
            if (p.InputPricePerMillionTokens < 0 || p.OutputPricePerMillionTokens < 0)
                errors.Add($"{key}: prices cannot be negative.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
