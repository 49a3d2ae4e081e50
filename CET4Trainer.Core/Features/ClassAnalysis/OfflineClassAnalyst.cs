using CET4Trainer.Core.Features.Items;

namespace CET4Trainer.Core.Features.ClassAnalysis;

// The offline engine's analysis, from the statistics alone: item types the class gets wrong most (by
// points a minute of practice may recover), types falling recently, missed work and inactivity; and
// each student with low accuracy, a falling trend, missed assignments or no recent practice.
public static class OfflineClassAnalyst
{
    public const double LowAccuracy = 0.6;
    public const double LowStudentAccuracy = 0.5;
    public const double Drop = 0.15;
    public const int InactiveDays = 14;

    public static ClassAnalysisOutput Analyse(ClassAnalysisInput input)
    {
        var problems = new List<ClassProblem>();
        foreach (var t in input.Types.Where(t => t.Questions >= 10 && t.Accuracy < LowAccuracy).OrderByDescending(t => t.PointsPerMinute))
        {
            problems.Add(new ClassProblem
            {
                Title = $"{ItemTypes.ChineseName(t.Type)}正确率偏低",
                Detail = $"近 {input.WindowDays} 天全班共答 {t.Questions} 题，正确率 {t.Accuracy:P0}；每练一分钟约能多拿 {t.PointsPerMinute:0.0} 分，是最值得补的题型之一。",
                Suggestion = $"布置一次{ItemTypes.ChineseName(t.Type)}专项练习，课上讲评错得最多的题。",
            });
        }
        foreach (var t in input.Types.Where(t => t.RecentQuestions >= 5 && t.EarlierQuestions >= 5 && t.RecentAccuracy < t.EarlierAccuracy - 0.1))
        {
            problems.Add(new ClassProblem
            {
                Title = $"{ItemTypes.ChineseName(t.Type)}最近下滑",
                Detail = $"最近 {input.RecentDays} 天正确率 {t.RecentAccuracy:P0}（{t.RecentQuestions} 题），之前是 {t.EarlierAccuracy:P0}（{t.EarlierQuestions} 题）。",
                Suggestion = "看看最近布置的题是否偏难，或安排一次复习。",
            });
        }
        var missed = input.StudentDetails.Sum(s => s.AssignmentsMissed);
        if (input.AssignmentsDue > 0 && missed >= 0.3 * input.AssignmentsDue * Math.Max(1, input.Students))
        {
            problems.Add(new ClassProblem
            {
                Title = "作业完成率低",
                Detail = $"已截止的 {input.AssignmentsDue} 份作业中，全班共有 {missed} 人次没有完成。",
                Suggestion = "在课上提醒截止时间，或把作业拆成更短的几份。",
            });
        }
        var idle = input.StudentDetails.Count(s => s.DaysSinceLastPractice is null or >= InactiveDays);
        if (input.Students > 0 && idle >= 0.3 * input.Students)
        {
            problems.Add(new ClassProblem
            {
                Title = "练习不够规律",
                Detail = $"{input.Students} 名学生中有 {idle} 名超过 {InactiveDays} 天没有练习（或从未练习）。",
                Suggestion = "每周布置一份短作业，让练习成为习惯。",
            });
        }

        var students = input.StudentDetails.Select(s => new AttentionNote { Student = s.Label, Reasons = Reasons(s, input) })
            .Where(n => n.Reasons!.Count > 0).OrderByDescending(n => n.Reasons!.Count).ToList();
        var answered = input.Types.Sum(t => t.Questions);
        return new ClassAnalysisOutput
        {
            Summary = answered == 0
                ? $"全班 {input.Students} 名学生近 {input.WindowDays} 天还没有作答记录，先布置一次练习再来分析。"
                : $"全班 {input.Students} 名学生近 {input.WindowDays} 天共答 {answered} 题。发现 {problems.Count} 个共性问题，{students.Count} 名学生需要关注（根据统计数据得出）。",
            CommonProblems = problems.Take(AnalyzeClassOperation.MaxProblems).ToList(),
            Students = students,
        };
    }

    private static List<string> Reasons(StudentSnapshot s, ClassAnalysisInput input)
    {
        var reasons = new List<string>();
        if (s.Questions >= 10 && s.Accuracy < LowStudentAccuracy)
            reasons.Add($"近 {input.WindowDays} 天正确率 {s.Accuracy:P0}（共 {s.Questions} 题），低于 50%。");
        if (s.RecentQuestions >= 5 && s.EarlierQuestions >= 5 && s.RecentAccuracy < s.EarlierAccuracy - Drop)
            reasons.Add($"最近 {input.RecentDays} 天正确率从 {s.EarlierAccuracy:P0} 降到 {s.RecentAccuracy:P0}。");
        if (s.AssignmentsMissed > 0) reasons.Add($"有 {s.AssignmentsMissed} 份已截止的作业没有完成。");
        if (s.DaysSinceLastPractice is null) reasons.Add("还没有做过任何练习。");
        else if (s.DaysSinceLastPractice >= InactiveDays) reasons.Add($"已经 {s.DaysSinceLastPractice} 天没有练习。");
        return reasons;
    }
}
