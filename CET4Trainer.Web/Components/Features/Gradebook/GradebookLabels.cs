using System.Globalization;
using CET4Trainer.Core.Features.Gradebook;
using MudBlazor;

namespace CET4Trainer.Web.Components.Features.Gradebook;

internal static class GradebookLabels
{
    // Colour and words together: the status must read the same to a teacher who cannot tell red from green.
    public static Color Colour(GradeStatus status) => status switch
    {
        GradeStatus.Completed => Color.Success,
        GradeStatus.Late => Color.Warning,
        GradeStatus.Missing => Color.Error,
        GradeStatus.InProgress => Color.Info,
        _ => Color.Default,
    };

    public static string Percent(double? value) => value is { } v ? v.ToString("0", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Points(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
