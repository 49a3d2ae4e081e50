using Quartz;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.AiTasks;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CET4Trainer.Tests.Features.AiTasks;

// The real app host (SQLite file, Quartz on its persistent store) with a scripted handler for one task kind.
public sealed class TaskHost : IAsyncDisposable
{
    public const AiTaskKind Kind = AiTaskKind.ClassAnalysis;

    public TaskHost(Dictionary<string, string>? settings = null, Cet4AppFactory? sharing = null)
    {
        App = new Cet4AppFactory()
            .With("Ai:Tasks:RetryDelaySeconds", "0")
            .With("Ai:Tasks:LeaseSeconds", "3")
            .With("Ai:Tasks:ReconcileSeconds", "1")
            .With("Ai:Limits:TasksPerUserPerHour", "100000")
            .WithServices(s => s.AddSingleton<IAiTaskHandler>(Handler));
        if (sharing is not null) App.With("Database:ConnectionString", $"Data Source={sharing.Folder.File("cet4.db")}");
        foreach (var (key, value) in settings ?? []) App.With(key, value);
    }

    public Cet4AppFactory App { get; }

    public ScriptedTaskHandler Handler { get; } = new(Kind);

    public AiTaskService Tasks => App.Services.GetRequiredService<AiTaskService>();

    public async Task<Viewer> UserAsync(string email, bool admin = false)
    {
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new ApplicationUser { UserName = email, Email = email, DisplayName = email };
            await users.CreateAsync(user, App.DemoPassword);
        }
        return new Viewer(user.Id, admin);
    }

    public async Task<Guid> EnqueueAsync(Viewer owner, ScriptedInput input, int units)
    {
        var (id, error) = await Tasks.EnqueueAsync(new NewAiTask(Kind, "脚本任务", input, units), owner);
        Assert.Null(error);
        return id!.Value;
    }

    public AppDbContext Db() => App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    public async Task<List<AiTask>> WaitAllFinalAsync(IReadOnlyCollection<Guid> ids, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await using var db = Db();
            var tasks = await db.AiTasks.AsNoTracking().Where(t => ids.Contains(t.Id)).ToListAsync();
            if (tasks.Count == ids.Count && tasks.All(t => t.IsFinal)) return tasks;
            if (DateTime.UtcNow > deadline)
            {
                var triggers = await App.Services.GetRequiredService<AiTaskScheduler>().TasksWithTriggersAsync();
                var quartz = await App.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
                var keys = await quartz.GetTriggerKeys(Quartz.GroupMatcher<Quartz.TriggerKey>.GroupEquals(AiTaskScheduler.Group));
                var states = new List<string>();
                foreach (var key in keys.Take(10))
                {
                    var trigger = await quartz.GetTrigger(key);
                    states.Add($"{await quartz.GetTriggerState(key)}");
                }
                Console.WriteLine($"NOW {DateTime.UtcNow:HH:mm:ss.fff} TRIGGERS {keys.Count}: " + string.Join("; ", states));
                throw new TimeoutException($"{tasks.Count(t => !t.IsFinal)} of {ids.Count} tasks not final: "
                    + string.Join("; ", tasks.Where(t => !t.IsFinal).Take(10).Select(t =>
                        $"{t.Status} attempts {t.Attempts} done {t.Done} next {t.NextRunUtc:HH:mm:ss.fff} step {t.CurrentStep} trigger {triggers.Contains(t.Id)}")));
            }
            await Task.Delay(100);
        }
    }

    public async Task<AiTask> WaitAsync(Guid id, Func<AiTask, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await using var db = Db();
            var task = await db.AiTasks.AsNoTracking().FirstAsync(t => t.Id == id);
            if (condition(task)) return task;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Task is {task.Status}, {task.Done}/{task.Total}, step {task.CurrentStep}");
            await Task.Delay(50);
        }
    }

    // How many times each unit of each task was committed.
    public async Task<Dictionary<(Guid Task, int Unit), int>> UnitCommitsAsync()
    {
        await using var db = Db();
        var rows = await db.AiCalls.AsNoTracking().Where(c => c.Operation == "unit").Select(c => new { c.TaskId, c.PromptVersion }).ToListAsync();
        return rows.GroupBy(r => (r.TaskId!.Value, r.PromptVersion)).ToDictionary(g => g.Key, g => g.Count());
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
