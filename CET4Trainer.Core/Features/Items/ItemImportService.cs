using System.Text.RegularExpressions;
using CET4Trainer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.Items;

// All or nothing: every item is checked first; if any fails, nothing is written and every problem is reported.
public sealed partial class ItemImportService(IDbContextFactory<AppDbContext> contexts)
{
    public async Task<ImportResult> ImportJsonAsync(string json, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (pack, error) = ItemPack.Read(json);
        if (pack is null)
        {
            return ImportResult.Failed(new ImportProblem("文件", Locate(error!)));
        }
        var entries = pack.Items.Select((d, i) => ($"第 {i + 1} 个题目{(string.IsNullOrWhiteSpace(d.Key) ? "" : $"（{d.Key}）")}", d)).ToList();
        return await ImportAsync(entries, viewer, [], cancellationToken);
    }

    public async Task<ImportResult> ImportCsvAsync(string csv, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (drafts, problems) = ItemCsv.Read(csv);
        var entries = drafts.Select(d => ($"第 {d.Line} 行", d.Draft)).ToList();
        return await ImportAsync(entries, viewer, problems, cancellationToken);
    }

    // Bundled content: same checks, stored as shared published items; keys already present are skipped.
    public async Task<ImportResult> ImportBundledAsync(string json, CancellationToken cancellationToken = default)
    {
        var (pack, error) = ItemPack.Read(json);
        if (pack is null)
        {
            return ImportResult.Failed(new ImportProblem("文件", error!));
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = pack.Items.Select(i => i.Key).ToList();
        var existing = await db.Items.Where(i => keys.Contains(i.Key)).Select(i => i.Key).ToListAsync(cancellationToken);
        var fresh = pack.Items.Where(i => !existing.Contains(i.Key)).Select(d => (d.Key ?? d.Title, d)).ToList();
        var problems = Check(fresh, requireKey: true);
        if (problems.Count > 0)
        {
            return new ImportResult(0, problems);
        }
        db.Items.AddRange(fresh.Select(e => ItemMapper.ToNewItem(e.d, ItemSource.Bundled, ItemStatus.Published, ownerId: null)));
        await db.SaveChangesAsync(cancellationToken);
        return new ImportResult(fresh.Count, []);
    }

    private async Task<ImportResult> ImportAsync(List<(string Where, ItemDraft Draft)> entries, Viewer viewer,
        List<ImportProblem> earlier, CancellationToken cancellationToken)
    {
        var problems = new List<ImportProblem>(earlier);
        if (entries.Count == 0 && problems.Count == 0)
        {
            problems.Add(new("文件", "文件中没有题目。"));
        }
        problems.AddRange(Check(entries, requireKey: false));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = entries.Where(e => !string.IsNullOrWhiteSpace(e.Draft.Key)).Select(e => e.Draft.Key!.Trim()).ToList();
        var taken = await db.Items.Where(i => keys.Contains(i.Key!)).Select(i => i.Key!).ToListAsync(cancellationToken);
        problems.AddRange(entries.Where(e => e.Draft.Key is not null && taken.Contains(e.Draft.Key.Trim()))
            .Select(e => new ImportProblem(e.Where, $"题库中已有 key 为“{e.Draft.Key}”的题目；请删去 key 或换一个。")));
        if (problems.Count > 0)
        {
            return new ImportResult(0, problems);
        }
        db.Items.AddRange(entries.Select(e => ItemMapper.ToNewItem(e.Draft,
            e.Draft.Source is ItemSource.Bundled or null ? ItemSource.Teacher : e.Draft.Source.Value,
            e.Draft.Status ?? ItemStatus.Draft, viewer.UserId, e.Draft.SourceProvider, e.Draft.SourceModel)));
        await db.SaveChangesAsync(cancellationToken);
        return new ImportResult(entries.Count, []);
    }

    private static List<ImportProblem> Check(IEnumerable<(string Where, ItemDraft Draft)> entries, bool requireKey)
    {
        var problems = new List<ImportProblem>();
        var seenKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (where, draft) in entries)
        {
            problems.AddRange(ItemShapeRules.Validate(draft).Select(e => new ImportProblem(where, $"{e.Field}：{e.Message}")));
            if (requireKey && string.IsNullOrWhiteSpace(draft.Key))
                problems.Add(new(where, "内置题目必须有 key。"));
            if (!string.IsNullOrWhiteSpace(draft.Key) && !seenKeys.Add(draft.Key.Trim()))
                problems.Add(new(where, $"文件中有两个题目的 key 都是“{draft.Key}”。"));
        }
        return problems;
    }

    // Turns "Path: $.items[3].type" in a JSON error into the item's number as a teacher counts.
    private static string Locate(string error)
    {
        var match = ItemPath().Match(error);
        return match.Success ? $"第 {int.Parse(match.Groups[1].Value) + 1} 个题目：{error}" : error;
    }

    [GeneratedRegex(@"\$\.items\[(\d+)\]")]
    private static partial Regex ItemPath();
}
