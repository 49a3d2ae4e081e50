using CET4Trainer.Core.Features.Items;

namespace CET4Trainer.Core.Features.Demo;

// A demo student as the simulation sees them: how able, where weak, how diligent.
public sealed record DemoStudent(
    int Number,
    string Email,
    string Name,
    double Ability,
    IReadOnlyList<ItemType> WeakTypes,
    double Diligence)
{
    // Logits taken off for an item of a weak type: enough to show as a dark cell on a heat map.
    public double Penalty(ItemType type) => WeakTypes.Contains(type) ? 1.3 : 0;
}

// The class list of the demo course. Names are drawn from common surnames and given names so the
// roster reads like a real class; e-mails follow the other demo logins (…@cet4.local).
public static class DemoRoster
{
    public const string CourseName = "四级强化一班";
    public const int Size = 30;
    public const string EmailDomain = "cet4.local";

    private static readonly string[] Surnames =
        ["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧"];

    private static readonly string[] GivenNames =
        ["子涵", "欣怡", "浩然", "宇轩", "梓萱", "思远", "佳怡", "俊杰", "雨桐", "博文", "诗琪", "嘉豪", "雅婷", "明轩", "晓雯",
         "天佑", "若曦", "志强", "梦瑶", "文博", "一诺", "家乐", "静怡", "子豪", "紫涵", "昊天", "可馨", "晨阳", "心怡", "泽宇",
         "婉清", "皓轩", "艺涵", "振宇", "舒然", "鹏飞"];

    // The types a student can be weak at; vocabulary drills are generated on demand and not in the history.
    private static readonly ItemType[] WeakCandidates =
    [
        ItemType.ListeningNews, ItemType.ListeningConversation, ItemType.ListeningPassage, ItemType.BankedCloze,
        ItemType.LongReadingMatching, ItemType.CarefulReading, ItemType.Writing, ItemType.Translation,
    ];

    public static string EmailOf(int number) => $"student{number:00}@{EmailDomain}";

    public static IReadOnlyList<DemoStudent> Create(Random random)
    {
        // Abilities are spread evenly over the range and then shuffled, so the class always has a
        // clear top and bottom whatever the draw; a little jitter keeps the steps from looking made.
        var abilities = Enumerable.Range(0, Size).Select(i => -1.7 + 3.4 * i / (Size - 1) + (random.NextDouble() - 0.5) * 0.2).ToArray();
        random.Shuffle(abilities);
        var names = new HashSet<string>();
        var students = new List<DemoStudent>();
        for (var i = 0; i < Size; i++)
        {
            string name;
            do name = Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];
            while (!names.Add(name));
            var weak = new List<ItemType> { WeakCandidates[random.Next(WeakCandidates.Length)] };
            if (random.NextDouble() < 0.5)
            {
                var second = WeakCandidates[random.Next(WeakCandidates.Length)];
                if (!weak.Contains(second)) weak.Add(second);
            }
            // Diligence decides how often a student practises and whether homework is done on time.
            var diligence = Math.Clamp(0.55 + 0.15 * abilities[i] + (random.NextDouble() - 0.5) * 0.5, 0.15, 0.95);
            students.Add(new DemoStudent(i + 1, EmailOf(i + 1), name, abilities[i], weak, diligence));
        }
        return students;
    }
}
