using CET4Trainer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.Practice;

public sealed record MistakeEntry(int ItemId, int QuestionNumber, string ItemTitle, Items.ItemType Type, MistakeCause Cause, int Times, DateTime LastUtc, string LastResponse);

// The mistakes notebook: open mistakes grouped by question, with the cause the student can correct.
public sealed class MistakeNotebook(IDbContextFactory<AppDbContext> contexts)
{
    public async Task<IReadOnlyList<MistakeEntry>> OpenAsync(string studentId, MistakeCause? cause, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = db.Mistakes.AsNoTracking().Where(m => m.StudentId == studentId && m.ResolvedUtc == null && (cause == null || m.Cause == cause));
        var rows = await open.Join(db.Items, m => m.ItemId, i => i.Id, (m, i) => new { m, i.Title, i.Type }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => (r.m.ItemId, r.m.QuestionNumber))
            .Select(g => g.OrderByDescending(x => x.m.CreatedUtc).First() is var last
                ? new MistakeEntry(g.Key.ItemId, g.Key.QuestionNumber, last.Title, last.Type, last.m.Cause, g.Count(), last.m.CreatedUtc, last.m.Response)
                : null!)
            .OrderByDescending(e => e.LastUtc).ToList();
    }

    public async Task SetCauseAsync(string studentId, int itemId, int questionNumber, MistakeCause cause, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Mistakes.Where(m => m.StudentId == studentId && m.ItemId == itemId && m.QuestionNumber == questionNumber && m.ResolvedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Cause, cause), cancellationToken);
    }
}
