using MudBlazor;

namespace CET4Trainer.Web.Components.Layout;

// The one place the app's look is defined. Fonts list Chinese faces first so Hanzi never fall back to a serif.
public static class Cet4Theme
{
    private static readonly string[] Fonts = ["Noto Sans SC", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Roboto", "Helvetica", "Arial", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1E5AA8",
            Secondary = "#E07A1F",
            Tertiary = "#2E8B57",
            AppbarBackground = "#1E5AA8",
            Background = "#F5F7FA",
            DrawerBackground = "#FFFFFF",
            DrawerText = "rgba(0,0,0,0.8)",
            Success = "#2E8B57",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts },
            H4 = new H4Typography { FontFamily = Fonts, FontSize = "1.75rem", FontWeight = "600" },
            H5 = new H5Typography { FontFamily = Fonts, FontSize = "1.35rem", FontWeight = "600" },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "240px" },
    };
}
