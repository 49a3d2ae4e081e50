using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.AiTasks;
using CET4Trainer.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Scenario tests against the real host: services called in sequence with their default tokens.
#pragma warning disable xUnit1051

namespace CET4Trainer.Tests.Features.AiTasks;

public sealed class AiTaskSearchTests
{
    private static readonly DateTime Start = new(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Search_FiltersByKindStatusAndTitle_NewestFirst_CountsAllMatches_AndPages()
    {
        await using var host = new TaskHost();
        var contexts = host.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var teacher = await host.UserAsync($"t-{Guid.NewGuid():N}@example.edu.cn");
        await TaskRows.AddAsync(contexts, teacher.UserId, AiTaskKind.GenerateQuestions, AiTaskStatus.Succeeded, "AI 出题：阅读理解 5 道", Start);
        await TaskRows.AddAsync(contexts, teacher.UserId, AiTaskKind.GenerateQuestions, AiTaskStatus.Failed, "AI 出题：翻译 3 道", Start.AddMinutes(1));
        await TaskRows.AddAsync(contexts, teacher.UserId, AiTaskKind.GradeBatch, AiTaskStatus.Cancelled, "AI 批改：第三周写作", Start.AddMinutes(2));
        await TaskRows.AddAsync(contexts, teacher.UserId, AiTaskKind.ClassAnalysis, AiTaskStatus.Queued, "学情分析：英语一班", Start.AddMinutes(3));
        await TaskRows.AddAsync(contexts, teacher.UserId, AiTaskKind.GenerateQuestions, AiTaskStatus.Succeeded, "AI 出题：阅读理解 10 道", Start.AddMinutes(4));

        var generated = await host.Tasks.SearchAsync(teacher, new AiTaskQuery(Kind: AiTaskKind.GenerateQuestions));
        var active = await host.Tasks.SearchAsync(teacher, new AiTaskQuery(Statuses: [AiTaskStatus.Queued, AiTaskStatus.Running]));
        var failedOrCancelled = await host.Tasks.SearchAsync(teacher, new AiTaskQuery(Statuses: [AiTaskStatus.Failed, AiTaskStatus.Cancelled]));
        var reading = await host.Tasks.SearchAsync(teacher, new AiTaskQuery(Search: "  阅读理解 "));
        var readingSucceeded = await host.Tasks.SearchAsync(teacher, new AiTaskQuery(AiTaskKind.GenerateQuestions, [AiTaskStatus.Succeeded], "10"));
        var nothing = await host.Tasks.SearchAsync(teacher, new AiTaskQuery(Search: "听力"));
        var second = await host.Tasks.SearchAsync(teacher, new AiTaskQuery(Skip: 2, Take: 2));

        Assert.Equal(["AI 出题：阅读理解 10 道", "AI 出题：翻译 3 道", "AI 出题：阅读理解 5 道"], generated.Rows.Select(r => r.Task.Title));
        Assert.Equal(3, generated.Total);
        Assert.Equal("学情分析：英语一班", Assert.Single(active.Rows).Task.Title);
        Assert.Equal([AiTaskStatus.Cancelled, AiTaskStatus.Failed], failedOrCancelled.Rows.Select(r => r.Task.Status));
        Assert.Equal(2, reading.Total);
        Assert.Equal("AI 出题：阅读理解 10 道", Assert.Single(readingSucceeded.Rows).Task.Title);
        Assert.Empty(nothing.Rows);
        Assert.Equal(0, nothing.Total);
        Assert.Equal(5, second.Total);
        Assert.Equal(["AI 批改：第三周写作", "AI 出题：翻译 3 道"], second.Rows.Select(r => r.Task.Title));
    }

    [Fact]
    public async Task Search_TeacherSeesOwnTasksOnly_AdminSeesEveryonesWithOwnerNames_UnlessOwnOnly()
    {
        await using var host = new TaskHost();
        var contexts = host.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var first = await host.UserAsync($"first-{Guid.NewGuid():N}@example.edu.cn");
        var second = await host.UserAsync($"second-{Guid.NewGuid():N}@example.edu.cn");
        var admin = await host.UserAsync($"admin-{Guid.NewGuid():N}@example.edu.cn", admin: true);
        var marker = Guid.NewGuid().ToString("N")[..8];
        await TaskRows.AddAsync(contexts, first.UserId, AiTaskKind.GenerateQuestions, AiTaskStatus.Succeeded, $"甲老师的出题 {marker}", Start);
        await TaskRows.AddAsync(contexts, second.UserId, AiTaskKind.GenerateQuestions, AiTaskStatus.Succeeded, $"乙老师的出题 {marker}", Start.AddMinutes(1));
        await TaskRows.AddAsync(contexts, admin.UserId, AiTaskKind.ClassAnalysis, AiTaskStatus.Cancelled, $"管理员的分析 {marker}", Start.AddMinutes(2));

        var mine = await host.Tasks.SearchAsync(first, new AiTaskQuery());
        var searchingOthers = await host.Tasks.SearchAsync(first, new AiTaskQuery(Search: "乙老师"));
        var all = await host.Tasks.SearchAsync(admin, new AiTaskQuery(Search: marker));
        var adminOwn = await host.Tasks.SearchAsync(admin, new AiTaskQuery(Search: marker, OwnOnly: true));

        Assert.Equal($"甲老师的出题 {marker}", Assert.Single(mine.Rows).Task.Title);
        Assert.Empty(searchingOthers.Rows);
        Assert.Equal(3, all.Total);
        Assert.Contains(all.Rows, r => r.Task.Title == $"乙老师的出题 {marker}" && r.OwnerName.StartsWith("second-", StringComparison.Ordinal));
        Assert.Contains(all.Rows, r => r.Task.Title == $"甲老师的出题 {marker}" && r.OwnerName.StartsWith("first-", StringComparison.Ordinal));
        Assert.Equal($"管理员的分析 {marker}", Assert.Single(adminOwn.Rows).Task.Title);
    }

    [Fact]
    public async Task AnotherTeacher_CannotReadCancelOrRetryATask_TheOwnerAndAdminsCan()
    {
        await using var host = new TaskHost();
        var owner = await host.UserAsync($"owner-{Guid.NewGuid():N}@example.edu.cn");
        var other = await host.UserAsync($"other-{Guid.NewGuid():N}@example.edu.cn");
        var admin = await host.UserAsync($"admin-{Guid.NewGuid():N}@example.edu.cn", admin: true);
        var id = await host.EnqueueAsync(owner, new ScriptedInput(UnitDelayMs: 300), units: 40);
        await host.WaitAsync(id, t => t.Done >= 1, TimeSpan.FromSeconds(30));

        Assert.Null(await host.Tasks.GetAsync(id, other));
        Assert.Null(await host.Tasks.ResultJsonAsync(id, other));
        Assert.Equal("任务不存在，或不是你的任务。", await host.Tasks.CancelAsync(id, other));
        Assert.False((await host.WaitAsync(id, _ => true, TimeSpan.FromSeconds(1))).CancelRequested);

        Assert.NotNull(await host.Tasks.GetAsync(id, admin));
        Assert.Null(await host.Tasks.CancelAsync(id, owner));
        var cancelled = await host.WaitAsync(id, t => t.IsFinal, TimeSpan.FromSeconds(15));
        Assert.Equal(AiTaskStatus.Cancelled, cancelled.Status);

        Assert.Equal("任务不存在，或不是你的任务。", await host.Tasks.RetryAsync(id, other));
        Assert.Equal(AiTaskStatus.Cancelled, (await host.WaitAsync(id, _ => true, TimeSpan.FromSeconds(1))).Status);
        Assert.Null(await host.Tasks.RetryAsync(id, admin));
        await host.WaitAsync(id, t => t.Status is AiTaskStatus.Queued or AiTaskStatus.Running, TimeSpan.FromSeconds(5));
        Assert.Null(await host.Tasks.CancelAsync(id, owner));
    }
}
