using CET4Trainer.Core.Operations.Alerts;
using MudBlazor;

namespace CET4Trainer.Web.Components.Features.Admin;

public static class AlertLabels
{
    public static string Status(AlertStatus status, AlertSeverity? severity) => status switch
    {
        AlertStatus.Pending => "待确认",
        AlertStatus.Firing => "告警中 · " + Severity(severity ?? AlertSeverity.Warning),
        AlertStatus.Resolved => "已恢复",
        _ => "正常",
    };

    public static Color StatusColor(AlertStatus status, AlertSeverity? severity) => status switch
    {
        AlertStatus.Firing => severity == AlertSeverity.Critical ? Color.Error : Color.Warning,
        AlertStatus.Pending => Color.Info,
        _ => Color.Success,
    };

    public static string Severity(AlertSeverity severity) => severity == AlertSeverity.Critical ? "严重" : "警告";

    public static string Kind(AlertChangeKind kind) => kind switch
    {
        AlertChangeKind.Fired => "触发",
        AlertChangeKind.Escalated => "升级为严重",
        _ => "恢复",
    };

    public static string Comparison(AlertComparison comparison) => comparison == AlertComparison.Above ? "≥" : "≤";

    public static string Value(double? value, string unit) => value is { } v ? $"{v:0.##} {unit}" : "暂无数据";

    public static string Webhook(WebhookDelivery delivery, int attempts, string? error) => delivery switch
    {
        WebhookDelivery.NotConfigured => "未配置",
        WebhookDelivery.Pending => "发送中",
        WebhookDelivery.Delivered => $"已送达（第 {attempts} 次）",
        _ => $"发送失败（{attempts} 次）：{error}",
    };
}
