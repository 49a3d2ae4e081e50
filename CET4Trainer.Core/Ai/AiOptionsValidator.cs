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
            else if (p.Name == AiEngines.Offline) errors.Add($"{key}:Name '{p.Name}' is reserved for the offline engine.");
            if (!Uri.TryCreate(p.BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                errors.Add($"{key}:BaseUrl must be an absolute http or https address.");
            if (string.IsNullOrWhiteSpace(p.Model)) errors.Add($"{key}:Model is required.");
            if (p.MaxConcurrency is < 1 or > 256) errors.Add($"{key}:MaxConcurrency must be between 1 and 256.");
            if (p.TimeoutSeconds is < 1 or > 600) errors.Add($"{key}:TimeoutSeconds must be between 1 and 600.");
            if (p.InputPricePerMillionTokens < 0 || p.OutputPricePerMillionTokens < 0)
                errors.Add($"{key}: prices cannot be negative.");
        }
        var r = options.Resilience;
        if (r.MaxRetries is < 0 or > 10) errors.Add("Ai:Resilience:MaxRetries must be between 0 and 10.");
        if (r.BaseDelayMilliseconds is < 1 or > 60_000) errors.Add("Ai:Resilience:BaseDelayMilliseconds must be between 1 and 60000.");
        if (r.MaxRetryAfterSeconds is < 0 or > 600) errors.Add("Ai:Resilience:MaxRetryAfterSeconds must be between 0 and 600.");
        if (r.BreakerFailureRatio is <= 0 or > 1) errors.Add("Ai:Resilience:BreakerFailureRatio must be above 0 and at most 1.");
        if (r.BreakerMinimumThroughput < 2) errors.Add("Ai:Resilience:BreakerMinimumThroughput must be at least 2.");
        if (r.BreakerSamplingSeconds < 1) errors.Add("Ai:Resilience:BreakerSamplingSeconds must be at least 1.");
        if (r.BreakerBreakSeconds < 1) errors.Add("Ai:Resilience:BreakerBreakSeconds must be at least 1.");
        if (r.QueueLimit < 0) errors.Add("Ai:Resilience:QueueLimit cannot be negative.");
        var c = options.Chaos;
        if (c.FaultRate is < 0 or > 1 || c.LatencyRate is < 0 or > 1) errors.Add("Ai:Chaos: FaultRate and LatencyRate must be between 0 and 1.");
        if (c.LatencyMilliseconds is < 0 or > 600_000) errors.Add("Ai:Chaos:LatencyMilliseconds must be between 0 and 600000.");
        var l = options.Limits;
        if (l.RequestsPerUserPerMinute < 1) errors.Add("Ai:Limits:RequestsPerUserPerMinute must be at least 1.");
        if (l.TasksPerUserPerHour < 1) errors.Add("Ai:Limits:TasksPerUserPerHour must be at least 1.");
        if (l.DailyCostBudgetPerTeacher < 0) errors.Add("Ai:Limits:DailyCostBudgetPerTeacher cannot be negative.");
        var t = options.Tasks;
        if (t.MaxRunning is < 1 or > 64) errors.Add("Ai:Tasks:MaxRunning must be between 1 and 64.");
        if (t.MaxAttempts is < 1 or > 10) errors.Add("Ai:Tasks:MaxAttempts must be between 1 and 10.");
        if (t.RetryDelaySeconds is < 0 or > 3600) errors.Add("Ai:Tasks:RetryDelaySeconds must be between 0 and 3600.");
        if (t.LeaseSeconds is < 2 or > 3600) errors.Add("Ai:Tasks:LeaseSeconds must be between 2 and 3600.");
        if (t.ReconcileSeconds is < 1 or > 3600) errors.Add("Ai:Tasks:ReconcileSeconds must be between 1 and 3600.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
