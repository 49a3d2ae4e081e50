using CET4Trainer.Core.Features.AiTasks;

namespace CET4Trainer.Web.Components.Features.AiTasks;

// The task centre's filter as the page holds it; a record, so a changed filter is a different value.
public sealed record AiTaskFilter(AiTaskKind? Kind = null, AiTaskFilter.StatusGroup Status = AiTaskFilter.StatusGroup.All, string Search = "")
{
    public enum StatusGroup { All, Active, Succeeded, Failed, Cancelled }

    public static string StatusText(StatusGroup group) => group switch
    {
        StatusGroup.Active => "排队中或进行中",
        StatusGroup.Succeeded => "已完成",
        StatusGroup.Failed => "失败",
        StatusGroup.Cancelled => "已取消",
        _ => "全部状态",
    };

    public IReadOnlyList<AiTaskStatus> Statuses => Status switch
    {
        StatusGroup.Active => [AiTaskStatus.Queued, AiTaskStatus.Running],
        StatusGroup.Succeeded => [AiTaskStatus.Succeeded],
        StatusGroup.Failed => [AiTaskStatus.Failed],
        StatusGroup.Cancelled => [AiTaskStatus.Cancelled],
        _ => [],
    };

    public AiTaskQuery ToQuery(int skip, int take) => new(Kind, Statuses, Search, skip, take);

    // The same test the service applies, for changes arriving through the hub.
    public bool Matches(AiTaskSnapshot task) =>
        (Kind is null || task.Kind == Kind)
        && (Statuses.Count == 0 || Statuses.Contains(task.Status))
        && (string.IsNullOrWhiteSpace(Search) || task.Title.Contains(Search.Trim(), StringComparison.Ordinal));
}
