using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Items;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Operations.Alerts;

// Alert rules, their live state and history, for admins only.
public sealed class AlertService(IDbContextFactory<AppDbContext> dbs, AlertHub hub, TimeProvider clock)
{
    public const string AdminsOnly = "只有管理员可以查看和修改告警。";

    public async Task<IReadOnlyList<AlertRuleView>> RulesAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        Demand(viewer);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var rules = await db.AlertRules.AsNoTracking().OrderBy(r => r.Id).ToListAsync(cancellationToken);
        return rules.Select(View).ToList();
    }

    public async Task<IReadOnlyList<AlertEventView>> HistoryAsync(Viewer viewer, int take = 50, CancellationToken cancellationToken = default)
    {
        Demand(viewer);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var events = await db.AlertEvents.AsNoTracking().OrderByDescending(e => e.Id).Take(Math.Clamp(take, 1, 500)).ToListAsync(cancellationToken);
        return events.Select(e =>
        {
            var info = AlertSignalNames.Info(e.Signal);
            return new AlertEventView(e.Id, e.Signal, info.Label, info.Unit, e.Kind, e.Severity, e.Value, e.Threshold, e.AtUtc,
                e.FiringSinceUtc, e.Webhook, e.WebhookAttempts, e.WebhookError);
        }).ToList();
    }

    public async Task<IReadOnlyList<FiringAlert>> FiringAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        Demand(viewer);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var firing = await db.AlertRules.AsNoTracking().Where(r => r.Status == AlertStatus.Firing).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        return firing.Select(r =>
        {
            var info = AlertSignalNames.Info(r.Signal);
            return new FiringAlert(r.Id, info.Label, info.Unit, r.Severity ?? AlertSeverity.Warning, r.LastValue, r.FiringSinceUtc ?? r.UpdatedUtc);
        }).OrderByDescending(a => a.Severity).ToList();
    }

    // Returns the problems found; an empty list means the rule was saved. The next evaluation applies it.
    public async Task<IReadOnlyList<string>> UpdateAsync(Viewer viewer, int ruleId, AlertRuleEdit edit, CancellationToken cancellationToken = default)
    {
        Demand(viewer);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var rule = await db.AlertRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == ruleId, cancellationToken);
        if (rule is null) return ["这条规则不存在，可能已被删除。"];
        var errors = AlertRuleValidation.Validate(rule.Signal, rule.Comparison, edit);
        if (errors.Count > 0) return errors;
        var now = clock.GetUtcNow().UtcDateTime;
        // Only the settings columns: an evaluation running now keeps its state columns.
        await db.AlertRules.Where(r => r.Id == ruleId).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.WarningThreshold, edit.Warning)
            .SetProperty(r => r.CriticalThreshold, edit.Critical)
            .SetProperty(r => r.ForSeconds, edit.ForSeconds)
            .SetProperty(r => r.Enabled, edit.Enabled)
            .SetProperty(r => r.UpdatedUtc, now), cancellationToken);
        hub.Publish();
        return [];
    }

    private static AlertRuleView View(AlertRule r)
    {
        var info = AlertSignalNames.Info(r.Signal);
        return new AlertRuleView(r.Id, r.Signal, info.Label, info.Unit, r.Comparison, r.WarningThreshold, r.CriticalThreshold, r.ForSeconds,
            r.Enabled, r.Status, r.Severity, r.LastValue, r.EvaluatedUtc, r.FiringSinceUtc);
    }

    private static void Demand(Viewer viewer)
    {
        if (!viewer.IsAdmin) throw new UnauthorizedAccessException(AdminsOnly);
    }
}
