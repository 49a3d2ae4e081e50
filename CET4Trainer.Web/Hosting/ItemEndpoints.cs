using System.Security.Claims;
using System.Text;
using CET4Trainer.Core.Features.Accounts;
using CET4Trainer.Core.Features.Items;

namespace CET4Trainer.Web.Hosting;

public static class ItemEndpoints
{
    // Downloads the items the teacher can see that match the question bank's filters.
    public static WebApplication MapCet4ItemEndpoints(this WebApplication app)
    {
        app.MapGet("/teacher/items/export", async (HttpContext http, ItemBankService bank, TimeProvider clock,
                string? format, Section? section, ItemType? type, string? tag, int? difficulty, ItemStatus? status, ItemSource? source, string? text, bool? mine) =>
            {
                var viewer = new Viewer(http.User.FindFirstValue(ClaimTypes.NameIdentifier)!, http.User.IsInRole(Roles.Admin));
                var query = new ItemQuery
                {
                    Section = section, Type = type, Tag = tag, Difficulty = difficulty, Status = status, Source = source, Text = text,
                    MineOnly = mine == true, Sort = ItemSort.TypeAsc,
                };
                var items = await bank.ExportAsync(query, viewer, http.RequestAborted);
                var stamp = clock.GetUtcNow().ToString("yyyyMMdd-HHmm");
                return format == "csv"
                    ? Results.File(ItemCsv.Write(items), "text/csv; charset=utf-8", $"cet4-items-{stamp}.csv")
                    : Results.File(Encoding.UTF8.GetBytes(ItemPack.Write(items)), "application/json; charset=utf-8", $"cet4-items-{stamp}.json");
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Teacher, Roles.Admin));
        return app;
    }
}
