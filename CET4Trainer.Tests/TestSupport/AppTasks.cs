using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.AiTasks;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CET4Trainer.Tests.TestSupport;

// Helpers for tests that run AI tasks in the real app host (real Quartz, real handlers).
public static class AppTasks
{
    // Waits until the task reaches a final state, watching the hub and reading the row (whichever comes first).
    public static async Task<AiTaskSnapshot> WaitFinalAsync(IServiceProvider services, Guid taskId, Core.Features.Items.Viewer viewer, int seconds = 90)
    {
        var tasks = services.GetRequiredService<AiTaskService>();
        var hub = services.GetRequiredService<AiTaskHub>();
        var final = new TaskCompletionSource<AiTaskSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = hub.SubscribeTask(taskId, s =>
        {
            if (s.IsFinal) final.TrySetResult(s);
        });
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            var now = await tasks.GetAsync(taskId, viewer);
            if (now?.IsFinal == true) return now;
            await Task.WhenAny(final.Task, Task.Delay(500));
            if (final.Task.IsCompleted) return (await tasks.GetAsync(taskId, viewer))!;
        }
        throw new TimeoutException($"Task {taskId} did not finish in {seconds} s; last state: {(await tasks.GetAsync(taskId, viewer))?.Step}");
    }

    public static async Task<ApplicationUser> CreateUserAsync(IServiceProvider services, string role, string? displayName = null, string? studentNumber = null)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.edu.cn";
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = displayName ?? role, StudentNumber = studentNumber };
        var created = await users.CreateAsync(user, "Aa1!" + Guid.NewGuid().ToString("N"));
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return user;
    }
}
