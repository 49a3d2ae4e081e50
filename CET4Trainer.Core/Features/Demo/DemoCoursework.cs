using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Items;

namespace CET4Trainer.Core.Features.Demo;

// What the demo teacher set over the three weeks: five assignments already due, two open now.
// Days are counted back from today (negative = in the future).
public sealed record DemoAssignmentSpec(string Title, IReadOnlyList<(ItemType Type, int Count)> Items, int OpenDaysAgo, int DueDaysAgo, FeedbackMode Feedback);

public static class DemoCoursework
{
    public static readonly IReadOnlyList<DemoAssignmentSpec> Assignments =
    [
        new("第1周 听力：新闻报道与长对话", [(ItemType.ListeningNews, 2), (ItemType.ListeningConversation, 1)], 20, 16, FeedbackMode.Immediate),
        new("第1周 翻译：传统文化", [(ItemType.Translation, 1)], 18, 14, FeedbackMode.AfterDue),
        new("第2周 仔细阅读", [(ItemType.CarefulReading, 2)], 14, 10, FeedbackMode.Immediate),
        new("第2周 写作：议论文", [(ItemType.Writing, 1)], 12, 8, FeedbackMode.AfterDue),
        new("第3周 选词填空与长篇阅读", [(ItemType.BankedCloze, 1), (ItemType.LongReadingMatching, 1)], 8, 4, FeedbackMode.Immediate),
        new("第3周 听力：短文与讲座", [(ItemType.ListeningPassage, 2)], 3, -3, FeedbackMode.Immediate),
        new("第3周 写作与翻译", [(ItemType.Writing, 1), (ItemType.Translation, 1)], 2, -4, FeedbackMode.AfterDue),
    ];
}
