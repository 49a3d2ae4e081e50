using System.Net;
using System.Text;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Accounts;
using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CET4Trainer.Tests.Features.Gradebook;

// The CSV download through the real host: sign-in, role check, ownership, and the bytes Excel receives.
public sealed class GradebookCsvEndpointTests(Cet4AppFactory app) : IClassFixture<Cet4AppFactory>
{
    private const string StudentName = "张三, \"小明\"";

    private HttpClient NewClient() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = NewClient();
        var login = await FormLogin.LoginAsync(client, email, app.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }

    private async Task<string> UserAsync(string role, string name)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.edu.cn";
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = name };
        Assert.True((await users.CreateAsync(user, app.DemoPassword)).Succeeded);
        await users.AddToRoleAsync(user, role);
        return email;
    }

    private async Task<int> CourseWithAStudentAsync()
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var teacher = new Viewer((await users.FindByEmailAsync("teacher@cet4.local"))!.Id, false);
        var student = (await users.FindByEmailAsync(await UserAsync(Roles.Student, StudentName)))!.Id;
        var courses = scope.ServiceProvider.GetRequiredService<CourseService>();
        var (courseId, _) = await courses.CreateAsync("英语（1）班", teacher);
        await courses.JoinAsync(student, (await courses.GetAsync(courseId!.Value, teacher))!.JoinCode);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var item = await db.Items.Where(i => i.Type == ItemType.CarefulReading && i.Status == ItemStatus.Published && i.OwnerId == null).Select(i => i.Id).FirstAsync();
        var now = DateTime.UtcNow;
        var (_, error) = await scope.ServiceProvider.GetRequiredService<AssignmentService>()
            .CreateAsync(new NewAssignment(courseId.Value, "=第一周 阅读", [item], now.AddDays(-1), now.AddDays(3), 1, FeedbackMode.Immediate), teacher);
        Assert.Null(error);
        return courseId.Value;
    }

    [Fact]
    public async Task Owner_GetsAnExcelReadyCsv_WithTheCourseNameInTheFileName()
    {
        var courseId = await CourseWithAStudentAsync();
        var client = await SignedInAsync("teacher@cet4.local");

        var response = await client.GetAsync($"/teacher/courses/{courseId}/gradebook.csv", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var disposition = string.Join("", response.Content.Headers.GetValues("Content-Disposition"));
        Assert.StartsWith($"attachment; filename=\"gradebook-{courseId}.csv\"; filename*=UTF-8''", disposition);
        Assert.StartsWith("成绩册-英语（1）班-", Uri.UnescapeDataString(disposition[(disposition.IndexOf("''", StringComparison.Ordinal) + 2)..]));
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var lines = text.Split("\r\n");
        Assert.Equal("姓名,邮箱,'=第一周 阅读（状态）,'=第一周 阅读（得分率%）", string.Join(",", lines[0].Split(',').Take(4)));
        Assert.StartsWith("\"张三, \"\"小明\"\"\",", lines[1]);
        Assert.Contains(",未开始,", lines[1]);
        Assert.Equal("", lines[^1]);
    }

    [Fact]
    public async Task SecondTeacher_IsRefused_AdminGetsIt_StudentAndAnonymousAreTurnedAway()
    {
        var courseId = await CourseWithAStudentAsync();
        var path = $"/teacher/courses/{courseId}/gradebook.csv";
        var ct = TestContext.Current.CancellationToken;

        var second = await (await SignedInAsync(await UserAsync(Roles.Teacher, "第二位老师"))).GetAsync(path, ct);
        var admin = await (await SignedInAsync("admin@cet4.local")).GetAsync(path, ct);
        var student = await (await SignedInAsync("student@cet4.local")).GetAsync(path, ct);
        var anonymous = await NewClient().GetAsync(path, ct);
        var missing = await (await SignedInAsync("teacher@cet4.local")).GetAsync($"/teacher/courses/{courseId + 100_000}/gradebook.csv", ct);

        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.DoesNotContain(StudentName, await second.Content.ReadAsStringAsync(ct));
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains("张三", Encoding.UTF8.GetString(await admin.Content.ReadAsByteArrayAsync(ct)));
        Assert.Equal(HttpStatusCode.Redirect, student.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", student.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Account/Login", anonymous.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
