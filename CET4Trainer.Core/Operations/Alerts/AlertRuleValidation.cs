namespace CET4Trainer.Core.Operations.Alerts;

// What an admin may set on a rule; messages are shown beside the form as they are.
public static class AlertRuleValidation
{
    public const int MaxForSeconds = 86_400;

    public static IReadOnlyList<string> Validate(string signal, AlertComparison comparison, AlertRuleEdit edit)
    {
        var errors = new List<string>();
        if (edit.Warning is null && edit.Critical is null) errors.Add("请至少填写一个阈值（警告或严重）。");
        if (edit.ForSeconds is < 0 or > MaxForSeconds) errors.Add($"持续时间必须在 0 到 {MaxForSeconds} 秒之间。");
        foreach (var (label, value) in new[] { ("警告", edit.Warning), ("严重", edit.Critical) })
        {
            if (value is not { } v) continue;
            if (!double.IsFinite(v) || v < 0) errors.Add($"{label}阈值必须是不小于 0 的数。");
            else if (AlertSignalNames.Info(signal).IsPercent && v > 100) errors.Add($"{label}阈值是百分比，不能超过 100。");
        }
        if (edit is { Warning: { } warning, Critical: { } critical })
        {
            if (comparison == AlertComparison.Above && critical < warning) errors.Add("“严重”阈值不能低于“警告”阈值。");
            if (comparison == AlertComparison.Below && critical > warning) errors.Add("这条规则在数值偏低时告警，“严重”阈值不能高于“警告”阈值。");
        }
        return errors;
    }
}
