using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Items;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.StudyPlans;

// Chooses bank items for a week of a class plan: published items of each session's type that the
// teacher may assign and the course has not had yet, as many as fit the session's minutes.
public static class AssignmentItemPicker
{
    public const int MaxItems = 20;

    // Minutes one item takes: its questions at the exam's pace (listening groups hold 2-4 questions).
    public static int ItemMinutes(ItemType type) => type switch
    {
        ItemType.Writing or ItemType.Translation => 30,
        ItemType.LongReadingMatching => 14,
        ItemType.CarefulReading => 10,
        ItemType.BankedCloze => 8,
        ItemType.ListeningConversation or ItemType.ListeningPassage => 4,
        ItemType.ListeningNews => 3,
        _ => 1,
    };

    public static async Task<List<int>> PickAsync(AppDbContext db, Viewer teacher, int courseId, IEnumerable<PlanSession> sessions, int seed,
        CancellationToken cancellationToken)
    {
        var used = db.AssignmentItems.Where(ai => db.Assignments.Any(a => a.Id == ai.AssignmentId && a.CourseId == courseId)).Select(ai => ai.ItemId);
        var random = new Random(seed);
        var chosen = new List<int>();
        foreach (var session in sessions)
        {
            if (PlanActivities.ItemTypeOf(session.Type) is not { } type) continue;
            var wanted = Math.Clamp((int)Math.Round(session.Minutes / (double)ItemMinutes(type)), 1, MaxItems);
            var candidates = await db.Items.AsNoTracking()
                .Where(i => i.Type == type && i.Status == ItemStatus.Published && (teacher.IsAdmin || i.OwnerId == null || i.OwnerId == teacher.UserId)
                    && !used.Contains(i.Id))
                .OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(cancellationToken);
            chosen.AddRange(candidates.Where(id => !chosen.Contains(id)).OrderBy(_ => random.Next()).Take(wanted));
            if (chosen.Count >= MaxItems) break;
        }
        return chosen.Take(MaxItems).ToList();
    }
}
