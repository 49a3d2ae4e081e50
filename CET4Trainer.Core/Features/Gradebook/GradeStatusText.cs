namespace CET4Trainer.Core.Features.Gradebook;

public static class GradeStatusText
{
    public static string ChineseName(GradeStatus status) => status switch
    {
        GradeStatus.NotStarted => "未开始",
        GradeStatus.InProgress => "进行中",
        GradeStatus.Completed => "已完成",
        GradeStatus.Late => "迟交",
        GradeStatus.Missing => "缺交",
        _ => status.ToString(),
    };
}
