using System.ComponentModel.DataAnnotations;

namespace CET4Trainer.Core.Ai;

public sealed class AiOptions
{
    public const string Section = "Ai";

    // Tried in order; an empty list means the built-in offline engine answers everything.
    public List<AiProviderOptions> Providers { get; set; } = [];
}

public sealed class AiProviderOptions
{
    public string Name { get; set; } = "";
    public string BaseUrl { get; set; } = "";
    public string Model { get; set; } = "";

    // Never logged or shown; usually supplied as Ai__Providers__0__ApiKey.
    public string ApiKey { get; set; } = "";

    public decimal InputPricePerMillionTokens { get; set; }
    public decimal OutputPricePerMillionTokens { get; set; }

    [Range(1, 256)]
    public int MaxConcurrency { get; set; } = 4;

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;
}
