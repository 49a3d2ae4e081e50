using System.Text;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Accounts;
using CET4Trainer.Core.Features.Common;
using CET4Trainer.Core.Features.Items;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CET4Trainer.Core.Features.Courses;

public sealed record IssuedAccount(string Name, string StudentNumber, string Email, string? OneTimePassword);

public sealed record RosterResult(IReadOnlyList<IssuedAccount> Accounts, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    // The sheet the teacher hands out: UTF-8 with a byte-order mark so Excel shows the Chinese names.
    public byte[] HandoutCsv()
    {
        var text = new StringBuilder(Csv.Line(["姓名", "学号", "邮箱（登录名）", "一次性密码"])).Append("\r\n");
        foreach (var a in Accounts) text.Append(Csv.Line([a.Name, a.StudentNumber, a.Email, a.OneTimePassword ?? "（已有账号，用原密码登录）"])).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}

// Imports a roster into a course: new students get accounts with one-time passwords (changed at
// first login); existing students are enrolled. All or nothing: one bad row and no account is made.
public sealed class RosterImport(IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task<RosterResult> ImportAsync(int courseId, string csv, Viewer teacher, CancellationToken cancellationToken = default)
    {
        var (rows, problems) = RosterCsv.Read(csv);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (!await CourseService.Owned(db, teacher).AnyAsync(c => c.Id == courseId, cancellationToken))
            return new([], [new("课程", "课程不存在，或不是你的课程。")]);

        var existing = new Dictionary<string, ApplicationUser>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            if (await users.FindByEmailAsync(row.Email) is not { } user) continue;
            if (!await users.IsInRoleAsync(user, Roles.Student)) problems.Add(new($"第 {row.Line} 行", $"{row.Email} 是教师或管理员账号，不能作为学生导入。"));
            else existing[row.Email] = user;
        }
        if (problems.Count > 0) return new([], problems);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var issued = new List<IssuedAccount>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var row in rows)
        {
            string? password = null;
            if (!existing.TryGetValue(row.Email, out var user))
            {
                password = PasswordGenerator.Create(10);
                user = new ApplicationUser { UserName = row.Email, Email = row.Email, EmailConfirmed = true, DisplayName = row.Name, StudentNumber = row.StudentNumber, MustChangePassword = true };
                var created = await users.CreateAsync(user, password);
                if (created.Succeeded) created = await users.AddToRoleAsync(user, Roles.Student);
                if (!created.Succeeded)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    return new([], [new($"第 {row.Line} 行", string.Join(" ", created.Errors.Select(e => e.Description)))]);
                }
            }
            var member = await db.CourseMembers.FirstOrDefaultAsync(m => m.CourseId == courseId && m.StudentId == user.Id, cancellationToken);
            if (member is null) db.CourseMembers.Add(new CourseMember { CourseId = courseId, StudentId = user.Id, JoinedUtc = now });
            else member.RemovedUtc = null;
            issued.Add(new IssuedAccount(row.Name, row.StudentNumber, row.Email, password));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(issued, []);
    }
}
