using CET4Trainer.Core.Features.Items;

namespace CET4Trainer.Core.Features.StudyPlans;

// The offline engine's study plan. Time goes to item types in proportion to the points a minute of
// practice may recover (as the adaptive planner weighs them), in whole sittings of each type; each week
// puts one of the three weakest areas first, a tenth of the time goes to vocabulary, and the last week
// before the exam holds a full mock when the budget allows one.
public static class OfflinePlanner
{
    public static StudyPlanOutput Plan(StudyPlanInput input)
    {
        var budget = input.MinutesPerWeek;
        var ranked = input.Areas.Where(a => a.PointsPerMinute > 0).OrderByDescending(a => a.PointsPerMinute).ToList();
        var vocabulary = budget >= 60 ? Math.Max(10, budget / 10 / 5 * 5) : 0;
        var weeks = new List<PlanWeek>();
        for (var week = 1; week <= input.Weeks; week++)
        {
            var sessions = new List<PlanSession>();
            var left = budget - vocabulary;
            string? focus = null;
            if (week == input.Weeks && input.Weeks >= 2 && left >= PlanActivities.MockMinutes + 10)
            {
                sessions.Add(new PlanSession { Type = PlanActivities.Mock, Minutes = PlanActivities.MockMinutes, Activity = "按考试时间完整做一套模拟题（写作、听力、阅读、翻译），交卷后按部分看估分，把错题记进错题本。" });
                left -= PlanActivities.MockMinutes;
                focus = "考前模拟：按真实时间做一套完整试卷，查漏补缺";
            }
            var lead = ranked.Count == 0 ? null : ranked[(week - 1) % Math.Min(3, ranked.Count)];
            var weights = ranked.ToDictionary(a => a.Type, a => a.PointsPerMinute * (a.Type == lead?.Type ? 2 : 1));
            foreach (var (type, minutes) in Allocate(weights, left).Where(x => x.Value > 0).OrderByDescending(x => x.Value))
                sessions.Add(new PlanSession { Type = type.ToString(), Minutes = minutes, Activity = Activity(type, minutes / Block(type), input.Audience) });
            if (vocabulary > 0)
                sessions.Add(new PlanSession { Type = PlanActivities.Vocabulary, Minutes = vocabulary, Activity = "复习到期的词汇卡片，把错题里的生词加入词汇本。" });
            weeks.Add(new PlanWeek { Week = week, Focus = focus ?? Focus(lead), Sessions = sessions });
        }
        var top = string.Join("、", ranked.Take(3).Select(a => ItemTypes.ChineseName(a.Type)));
        var who = input.Audience == PlanAudience.Class ? $"全班 {input.Learners} 名学生" : "你";
        return new StudyPlanOutput
        {
            Summary = $"距离考试还有 {input.DaysLeft} 天，计划 {input.Weeks} 周，每周 {budget} 分钟。{who}最值得补的是{top}："
                + $"时间按“每练一分钟能多拿的分数”分配，每周轮流把其中一项放在最前{(vocabulary > 0 ? $"，另留 {vocabulary} 分钟复习词汇" : "")}。",
            Weeks = weeks,
        };
    }

    // Minutes of one sitting: a passage with its questions, a listening group, one essay or translation.
    public static int Block(ItemType type) => type switch
    {
        ItemType.Writing or ItemType.Translation => 30,
        ItemType.LongReadingMatching => 15,
        _ => 10,
    };

    // Whole sittings in proportion to weight, handed out one at a time to the type furthest below its
    // share; never more than `minutes` in all.
    public static Dictionary<ItemType, int> Allocate(IReadOnlyDictionary<ItemType, double> weights, int minutes)
    {
        var given = weights.Keys.ToDictionary(t => t, _ => 0);
        var total = weights.Values.Sum();
        if (total <= 0 || minutes <= 0) return given;
        var ideal = weights.ToDictionary(w => w.Key, w => minutes * w.Value / total);
        var left = minutes;
        while (true)
        {
            var fitting = ideal.Keys.Where(t => Block(t) <= left).ToList();
            if (fitting.Count == 0) break;
            var next = fitting.OrderByDescending(t => (ideal[t] - given[t]) / Block(t)).ThenBy(t => t).First();
            given[next] += Block(next);
            left -= Block(next);
        }
        return given;
    }

    private static string Focus(AreaStat? area) => area is null
        ? "全面练习"
        : area.Questions == 0
            ? $"{ItemTypes.ChineseName(area.Type)}：还没有练过，先摸清水平"
            : $"{ItemTypes.ChineseName(area.Type)}：正确率 {area.Accuracy:P0}，每练一分钟约能多拿 {area.PointsPerMinute:0.0} 分";

    private static string Activity(ItemType type, int sittings, PlanAudience audience)
    {
        var n = Math.Max(1, sittings);
        var text = type switch
        {
            ItemType.CarefulReading => $"做 {n} 篇仔细阅读（每篇 5 题，限时 10 分钟），对照解析把错因记进错题本。",
            ItemType.BankedCloze => $"做 {n} 篇选词填空（每篇约 8 分钟）：先判断每个空需要的词性和形式，再看上下文。",
            ItemType.LongReadingMatching => $"做 {n} 篇长篇阅读（每篇约 15 分钟）：先读 10 个句子圈出关键词，再回文中定位段落。",
            ItemType.ListeningNews => $"做 {n} 组新闻听力，每组只听一遍；做完后对照原文逐句跟读。",
            ItemType.ListeningConversation => $"做 {n} 组长对话听力：听前先扫一眼选项，听时记下人物和数字。",
            ItemType.ListeningPassage => $"做 {n} 组短文与讲座听力，边听边记关键词，做完后精听一遍没听懂的句子。",
            ItemType.Writing => $"写 {n} 篇作文（每篇 30 分钟，120-180 词），看评分反馈后改写最弱的一段。",
            ItemType.Translation => $"做 {n} 篇翻译（每篇 30 分钟），对照参考译文整理词组和句型。",
            _ => $"练习 {n} 组{ItemTypes.ChineseName(type)}。",
        };
        return audience == PlanAudience.Class ? "全班：" + text : text;
    }
}
