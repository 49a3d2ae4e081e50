using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;
using CET4Trainer.Core.Features.Scoring;
using CET4Trainer.Core.Hosting;

namespace CET4Trainer.Core.Features.Demo;

// One simulated sitting and what it produced. Ids are filled in by the seeder as rows are saved.
public sealed class DemoSession
{
    public required PracticeSession Session { get; init; }
    public Assignment? Assignment { get; init; }
    public List<Answer> Answers { get; } = [];
    public List<Mistake> Mistakes { get; } = [];
    public List<(Answer Answer, DemoItem Item)> Essays { get; } = [];
}

public sealed record DemoPlan(IReadOnlyList<Assignment> Assignments, IReadOnlyList<DemoSession> Sessions);

// Three weeks of a class's practice, simulated. Each answer is right with the probability of a
// logistic item-response model: ability (growing a little over the weeks) minus the question's
// difficulty minus a penalty on the student's weak item types. Times are evenings in the local time
// zone, and nothing ends after `now`.
public sealed class DemoHistory(Random random, LocalClock local)
{
    private readonly DateTime nowUtc = local.Now().UtcDateTime;
    private readonly DateOnly today = local.Today();

    public const int Days = 21;

    public DemoPlan Build(int courseId, IReadOnlyList<(DemoStudent Student, string UserId)> students, IReadOnlyList<DemoItem> items)
    {
        var assignments = PlanAssignments(courseId, items);
        var sessions = new List<DemoSession>();
        var byId = items.ToDictionary(i => i.Id);
        var objective = items.Where(i => !i.IsEssay && i.Questions.Count > 0).ToList();
        var essays = items.Where(i => i.IsEssay && i.Reference.Length > 0).ToList();
        foreach (var (student, userId) in students)
        {
            for (var daysAgo = Days; daysAgo >= 0; daysAgo--)
            {
                if (random.NextDouble() < student.Diligence * 0.75 && SelfPractice(student, userId, daysAgo, objective, essays) is { } s) sessions.Add(s);
            }
            foreach (var assignment in assignments)
            {
                sessions.AddRange(Coursework(student, userId, assignment, assignment.Items.Select(i => byId[i.ItemId]).ToList()));
            }
        }
        return new DemoPlan(assignments, sessions);
    }

    private List<Assignment> PlanAssignments(int courseId, IReadOnlyList<DemoItem> items)
    {
        var used = new HashSet<int>();
        var result = new List<Assignment>();
        foreach (var spec in DemoCoursework.Assignments)
        {
            var picked = new List<int>();
            foreach (var (type, count) in spec.Items)
            {
                var pool = items.Where(i => i.Type == type && !used.Contains(i.Id) && (!i.IsEssay || i.Reference.Length > 0)).ToList();
                picked.AddRange(Pick(pool, count).Select(i => i.Id));
            }
            if (picked.Count == 0) continue;
            used.UnionWith(picked);
            var open = LocalAt(spec.OpenDaysAgo, new TimeOnly(8, 0));
            var due = LocalAt(spec.DueDaysAgo, new TimeOnly(23, 59));
            result.Add(new Assignment
            {
                CourseId = courseId, Title = spec.Title, OpenUtc = open, DueUtc = due, MaxAttempts = 1, Feedback = spec.Feedback,
                CreatedUtc = open.AddHours(-1),
                Items = picked.Select((id, i) => new AssignmentItem { Position = i, ItemId = id }).ToList(),
            });
        }
        return result;
    }

    private DemoSession? SelfPractice(DemoStudent student, string userId, int daysAgo, List<DemoItem> objective, List<DemoItem> essays)
    {
        var essay = essays.Count > 0 && random.NextDouble() < 0.12;
        List<DemoItem> chosen;
        string title;
        PracticeMode mode;
        if (essay)
        {
            var item = essays[random.Next(essays.Count)];
            (chosen, title, mode) = ([item], $"专项练习：{ItemTypes.ChineseName(item.Type)}", PracticeMode.Drill);
        }
        else if (random.NextDouble() < 0.6)
        {
            var types = objective.Select(i => i.Type).Distinct().ToList();
            var type = types[random.Next(types.Count)];
            var pool = objective.Where(i => i.Type == type).ToList();
            chosen = Pick(pool, 1 + random.Next(2));
            (title, mode) = ($"专项练习：{ItemTypes.ChineseName(type)}", PracticeMode.Drill);
        }
        else
        {
            chosen = Pick(objective, 2 + random.Next(2));
            (title, mode) = ("每日练习", PracticeMode.Daily);
        }
        var start = SittingStart(daysAgo);
        var session = Sit(student, userId, chosen, start, mode, title, null, complete: true);
        // A sitting that would still be going on (or in the future) did not happen.
        return session.Session.UpdatedUtc <= nowUtc.AddMinutes(-5) ? session : null;
    }

    private IEnumerable<DemoSession> Coursework(DemoStudent student, string userId, Assignment assignment, List<DemoItem> items)
    {
        if (assignment.DueUtc <= nowUtc)
        {
            // Missing, late or on time, by how diligent the student is.
            if (random.NextDouble() > 0.5 + 0.5 * student.Diligence) yield break;
            var late = random.NextDouble() < 0.05 + 0.4 * (1 - student.Diligence);
            var start = late
                ? assignment.DueUtc.AddHours(2 + random.NextDouble() * 60)
                : assignment.OpenUtc.AddHours(10 + random.NextDouble() * Math.Max(1, (assignment.DueUtc - assignment.OpenUtc).TotalHours - 14));
            start = Evening(start);
            var session = Sit(student, userId, items, start, PracticeMode.Assignment, $"作业：{assignment.Title}", assignment, complete: true);
            if (session.Session.UpdatedUtc <= nowUtc) yield return session;
            yield break;
        }
        // Open now: the keen ones are done already, a few have started.
        var roll = random.NextDouble();
        var window = Math.Max(1, (nowUtc - assignment.OpenUtc).TotalHours - 3);
        var at = Evening(assignment.OpenUtc.AddHours(random.NextDouble() * window));
        if (roll < 0.25 + 0.4 * student.Diligence)
        {
            var done = Sit(student, userId, items, at, PracticeMode.Assignment, $"作业：{assignment.Title}", assignment, complete: true);
            if (done.Session.UpdatedUtc <= nowUtc) yield return done;
        }
        else if (roll < 0.35 + 0.4 * student.Diligence)
        {
            var started = Sit(student, userId, items.Take(1).ToList(), at, PracticeMode.Assignment, $"作业：{assignment.Title}", assignment, complete: false);
            started.Session.Items = items.Select((item, i) => new SessionItem { Position = i, ItemId = item.Id }).ToList();
            started.Session.CurrentPosition = Math.Min(1, items.Count - 1);
            if (started.Session.UpdatedUtc <= nowUtc) yield return started;
        }
    }

    private DemoSession Sit(DemoStudent student, string userId, List<DemoItem> items, DateTime start, PracticeMode mode, string title,
        Assignment? assignment, bool complete)
    {
        var session = new PracticeSession
        {
            StudentId = userId, Mode = mode, Title = title, Status = complete ? SessionStatus.Completed : SessionStatus.Active,
            CreatedUtc = start, CurrentPosition = complete ? Math.Max(0, items.Count - 1) : 0,
            Items = items.Select((item, i) => new SessionItem
            {
                Position = i, ItemId = item.Id, ListeningPlays = ItemTypes.SectionOf(item.Type) == Section.Listening ? 1 + random.Next(2) : 0,
            }).ToList(),
        };
        var demo = new DemoSession { Session = session, Assignment = assignment };
        var ability = student.Ability + 0.3 * Progress(start);
        var clock = start.AddSeconds(20 + random.Next(60));
        foreach (var item in items)
        {
            var b = (item.Difficulty - 3) * 0.5 + student.Penalty(item.Type);
            if (item.IsEssay)
            {
                var quality = Sigmoid(0.4 + ability - b + Normal() * 0.4);
                var spent = (int)(EssayMinutes(item.Type) * (0.6 + 0.6 * quality) * 60_000 * (0.8 + random.NextDouble() * 0.4));
                clock = clock.AddMilliseconds(spent);
                var answer = NewAnswer(userId, item, item.Questions[0], DemoEssays.Write(item.Reference, quality, random), spent, clock);
                answer.MaxScore = ExamScale.HolisticMax;
                demo.Answers.Add(answer);
                demo.Essays.Add((answer, item));
                continue;
            }
            foreach (var question in item.Questions)
            {
                var p = Sigmoid(0.9 + ability - b - QuestionOffset(question.Id));
                var right = random.NextDouble() < p;
                var spent = (int)(SecondsPerQuestion(item.Type) * (1.25 - 0.15 * student.Ability) * (0.6 + random.NextDouble() * 0.8) * 1000);
                clock = clock.AddMilliseconds(spent);
                var response = right ? question.Answer : Wrong(item, question);
                var max = ExamScale.RawPointsPerQuestion(item.Type) is var points && points > 0 ? points : 1;
                var answer = NewAnswer(userId, item, question, response, spent, clock);
                answer.IsCorrect = right;
                answer.Score = right ? max : 0;
                answer.MaxScore = max;
                demo.Answers.Add(answer);
                if (!right)
                {
                    // Some mistakes were practised again and put right a few days later.
                    var resolved = clock.AddDays(1 + random.NextDouble() * 4);
                    demo.Mistakes.Add(new Mistake
                    {
                        StudentId = userId, ItemId = item.Id, QuestionId = question.Id, QuestionNumber = question.Number,
                        Cause = AnswerGrader.CauseOf(item.Type, question.Stem), Response = response, CreatedUtc = clock,
                        ResolvedUtc = random.NextDouble() < 0.25 && resolved < nowUtc ? resolved : null,
                    });
                }
            }
        }
        session.UpdatedUtc = complete ? clock.AddSeconds(5) : clock;
        session.CompletedUtc = complete ? session.UpdatedUtc : null;
        return demo;
    }

    private static Answer NewAnswer(string userId, DemoItem item, DemoQuestion question, string response, int spentMs, DateTime at) => new()
    {
        StudentId = userId, ItemId = item.Id, QuestionId = question.Id, QuestionNumber = question.Number, Response = response,
        IsFinal = true, TimeSpentMs = spentMs, AnsweredUtc = at,
    };

    private string Wrong(DemoItem item, DemoQuestion question)
    {
        var others = item.Choices.Where(c => !string.Equals(c, question.Answer, StringComparison.OrdinalIgnoreCase)).ToList();
        return others.Count == 0 ? "" : others[random.Next(others.Count)];
    }

    private List<DemoItem> Pick(List<DemoItem> pool, int count)
    {
        var copy = pool.ToArray();
        random.Shuffle(copy);
        return copy.Take(Math.Min(count, copy.Length)).ToList();
    }

    // Most sittings are in the evening; some at lunch; weekends in the afternoon too.
    private DateTime SittingStart(int daysAgo)
    {
        var date = today.AddDays(-daysAgo);
        var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var roll = random.NextDouble();
        var minutes = roll < 0.15 ? 12 * 60 + 10 + random.Next(60)
            : weekend && roll < 0.45 ? 14 * 60 + random.Next(180)
            : 19 * 60 + random.Next(210);
        return local.ToUtc(date.ToDateTime(TimeOnly.MinValue).AddMinutes(minutes));
    }

    // The evening of the local day `utc` falls on; today's evening only if it has already come.
    private DateTime Evening(DateTime utc)
    {
        var day = DateOnly.FromDateTime(local.ToLocal(utc));
        var evening = local.ToUtc(day.ToDateTime(TimeOnly.MinValue).AddMinutes(19 * 60 + random.Next(200)));
        return evening > nowUtc ? utc : evening;
    }

    private DateTime LocalAt(int daysAgo, TimeOnly time) => local.ToUtc(today.AddDays(-daysAgo).ToDateTime(time));

    private double Progress(DateTime at) => Math.Clamp(1 - (nowUtc - at).TotalDays / Days, 0, 1);

    // A fixed, per-question shift in difficulty, so the same question is hard for everyone.
    private static double QuestionOffset(int questionId) => ((uint)questionId * 2654435761u % 1000) / 1000.0 - 0.5;

    private double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static double SecondsPerQuestion(ItemType type) => type switch
    {
        ItemType.ListeningNews => 35,
        ItemType.ListeningConversation => 40,
        ItemType.ListeningPassage => 45,
        ItemType.BankedCloze => 40,
        ItemType.LongReadingMatching => 75,
        ItemType.CarefulReading => 90,
        _ => 30,
    };

    private static double EssayMinutes(ItemType type) => type == ItemType.Writing ? 30 : 22;
}
