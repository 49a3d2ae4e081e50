using System.Globalization;

namespace CET4Trainer.Web.Components.Features.Admin.Monitoring;

// How the monitoring pages write numbers; a missing figure is a dash, never a zero.
public static class Format
{
    public static string Ms(double? ms) => ms switch
    {
        null => "—",
        >= 1000 => (ms.Value / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " s",
        >= 10 => ms.Value.ToString("0", CultureInfo.InvariantCulture) + " ms",
        _ => ms.Value.ToString("0.0#", CultureInfo.InvariantCulture) + " ms",
    };

    public static string Percent(double? share) => share is null ? "—" : (share.Value * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    public static string Rate(double value) => value.ToString(value >= 10 ? "0" : "0.##", CultureInfo.InvariantCulture);
}
