using CET4Trainer.Core.Features.Analytics;

namespace CET4Trainer.Web.Components.Features.Analytics;

// How the analytics pages write their figures and colour their cells. Every colour comes with text, so
// nothing depends on telling colours apart.
public static class AnalyticsText
{
    public static string Percent(double? share) => share is { } s ? $"{s * 100:0}%" : "—";

    public static string Score(double? score) => score is { } s ? s.ToString("0") : "—";

    public static string Index(double? d) => d is { } v ? v.ToString("0.00") : "—";

    public static string Background(HeatBand band) => band switch
    {
        HeatBand.Weak => "#f4b6b6",
        HeatBand.Shaky => "#fbd7a6",
        HeatBand.Fair => "#dcedc1",
        HeatBand.Strong => "#a8dba8",
        _ => "#eeeeee",
    };

    public static string Legend(HeatBand band) => band switch
    {
        HeatBand.Weak => "低于 40%",
        HeatBand.Shaky => "40%–59%",
        HeatBand.Fair => "60%–79%",
        HeatBand.Strong => "80% 及以上",
        _ => $"证据不足（少于 {HeatCell.MinEvidence} 题，作文每篇按 3 题计）",
    };

    public static string Flag(ItemFlag flag) => flag switch
    {
        ItemFlag.Negative => "区分度为负：请检查答案和选项",
        ItemFlag.Low => "区分度低",
        ItemFlag.TooFew => $"作答不足 {ItemDiscrimination.MinAnswered} 人",
        _ => "正常",
    };

    public static string ScopeSentence(AnalyticsScope scope, int students) => scope.AssignmentsOnly
        ? $"统计范围：本课程当前 {students} 名学生近 {scope.Days} 天在本课程作业中的已评分作答。"
        : $"统计范围：本课程当前 {students} 名学生近 {scope.Days} 天的全部已评分练习（自主练习和作业都算，它们都反映学生的水平）。";
}
