using CET4Trainer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.Courses;

public sealed record CourseSummary(int Id, string Name, DateTime CreatedUtc);

public sealed class CourseService(IDbContextFactory<AppDbContext> contexts)
{
    public async Task<IReadOnlyList<CourseSummary>> ListActiveAsync(string teacherId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Courses.AsNoTracking()
            .Where(c => c.TeacherId == teacherId && c.ArchivedUtc == null)
            .OrderBy(c => c.Name)
            .Select(c => new CourseSummary(c.Id, c.Name, c.CreatedUtc))
            .ToListAsync(cancellationToken);
    }
}
