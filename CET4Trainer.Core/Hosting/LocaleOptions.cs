namespace CET4Trainer.Core.Hosting;

public sealed class LocaleOptions
{
    public const string Section = "Locale";

    // Times are stored in UTC and shown in this zone (IANA id).
    public string TimeZone { get; set; } = "Asia/Shanghai";
}
