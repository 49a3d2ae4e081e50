using System.Net;
using System.Text;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Accounts;
using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CET4Trainer.Tests.Features.Courses;

public sealed class RosterImportTests(Cet4AppFactory app) : IClassFixture<Cet4AppFactory>
{
    private async Task<(int CourseId, Viewer Teacher)> CourseAsync()
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var teacher = await users.FindByEmailAsync("teacher@cet4.local");
        var viewer = new Viewer(teacher!.Id, false);
        var (id, _) = await app.Services.GetRequiredService<CourseService>().CreateAsync($"名单测试 {Guid.NewGuid():N}"[..12], viewer, TestContext.Current.CancellationToken);
        return (id!.Value, viewer);
    }

    [Fact]
    public async Task GoodRoster_CreatesStudentsWithOneTimePasswords_EnrolsThem_AndTheHandoutOpensInExcel()
    {
        var (courseId, teacher) = await CourseAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var csv = "\uFEFF姓名,学号,邮箱\n" +
                  $"张伟,2025{tag}01,zhang.{tag}@example.edu.cn\n" +
                  $"\"欧阳, 娜娜\",2025{tag}02,ouyang.{tag}@example.edu.cn\n" +
                  "李同学,2025000003,student@cet4.local\n";

        var result = await app.Services.GetRequiredService<RosterImport>().ImportAsync(courseId, csv, teacher, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(3, result.Accounts.Count);
        Assert.Null(result.Accounts.Single(a => a.Email == "student@cet4.local").OneTimePassword);
        var members = await app.Services.GetRequiredService<CourseService>().MembersAsync(courseId, teacher, TestContext.Current.CancellationToken);
        Assert.Equal(3, members!.Count);
        var handout = result.HandoutCsv();
        Assert.Equal(Encoding.UTF8.GetPreamble(), handout[..3]);
        Assert.Contains("\"欧阳, 娜娜\"", Encoding.UTF8.GetString(handout));

        // The new account logs in with its one-time password and is sent to change it first.
        var zhang = result.Accounts.Single(a => a.Name == "张伟");
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var login = await FormLogin.LoginAsync(client, zhang.Email, zhang.OneTimePassword!);
        Assert.Equal("/Account/Manage/ChangePassword", login.Headers.Location!.AbsolutePath);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(zhang.Email);
        Assert.True(user!.MustChangePassword);
        Assert.Equal($"2025{tag}01", user.StudentNumber);
        Assert.Equal([Roles.Student], await users.GetRolesAsync(user));
    }

    [Fact]
    public async Task BrokenRows_AreReportedByLine_AndNoAccountIsCreated()
    {
        var (courseId, teacher) = await CourseAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var csv = "name,student_number,email\n" +
                  $"Good One,S{tag}1,good.{tag}@example.edu.cn\n" +
                  $",S{tag}2,blank.{tag}@example.edu.cn\n" +
                  $"Bad Mail,S{tag}3,not-an-email\n" +
                  $"Twice,S{tag}1,twice.{tag}@example.edu.cn\n" +
                  "Too,Many,Columns,Here\n" +
                  $"Teacher,T{tag},teacher@cet4.local\n";

        var result = await app.Services.GetRequiredService<RosterImport>().ImportAsync(courseId, csv, teacher, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Where == "第 3 行" && p.Message.Contains("姓名"));
        Assert.Contains(result.Problems, p => p.Where == "第 4 行" && p.Message.Contains("邮箱"));
        Assert.Contains(result.Problems, p => p.Where == "第 5 行" && p.Message.Contains("学号与第 2 行重复"));
        Assert.Contains(result.Problems, p => p.Where == "第 6 行" && p.Message.Contains("3 列"));
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.Null(await users.FindByEmailAsync($"good.{tag}@example.edu.cn"));
        Assert.Empty((await app.Services.GetRequiredService<CourseService>().MembersAsync(courseId, teacher, TestContext.Current.CancellationToken))!);

        // With only the teacher's row wrong, nothing is made either.
        var teacherOnly = "name,student_number,email\n" + $"Good One,S{tag}1,good.{tag}@example.edu.cn\n" + $"Teacher,T{tag},teacher@cet4.local\n";
        var second = await app.Services.GetRequiredService<RosterImport>().ImportAsync(courseId, teacherOnly, teacher, TestContext.Current.CancellationToken);
        Assert.Contains(second.Problems, p => p.Where == "第 3 行" && p.Message.Contains("教师或管理员"));
        Assert.Null(await users.FindByEmailAsync($"good.{tag}@example.edu.cn"));
    }

    [Fact]
    public async Task AnotherTeachersCourse_IsRefused()
    {
        var (courseId, _) = await CourseAsync();
        var stranger = new Viewer("someone-else", false);

        var result = await app.Services.GetRequiredService<RosterImport>().ImportAsync(courseId, "name,student_number,email\nA,1,a@example.edu.cn\n", stranger, TestContext.Current.CancellationToken);

        Assert.Contains(result.Problems, p => p.Message.Contains("不是你的课程"));
    }

    [Fact]
    public void WrongHeader_IsRefused() =>
        Assert.Contains(RosterCsv.Read("student,id\nx,y\n").Problems, p => p.Where == "第 1 行");
}
