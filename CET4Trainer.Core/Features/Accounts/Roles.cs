namespace CET4Trainer.Core.Features.Accounts;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Teacher = "Teacher";
    public const string Student = "Student";

    // For [Authorize(Roles = ...)] on pages both teachers and admins may open.
    public const string TeacherOrAdmin = Teacher + "," + Admin;

    public static readonly IReadOnlyList<string> All = [Admin, Teacher, Student];

    public static string HomePath(IEnumerable<string> roles)
    {
        var set = roles.ToHashSet();
        return set.Contains(Admin) ? "/admin" : set.Contains(Teacher) ? "/teacher" : "/student";
    }

    public static string DisplayName(string role) => role switch
    {
        Admin => "管理员",
        Teacher => "教师",
        Student => "学生",
        _ => role,
    };
}
