using System.Security.Claims;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Accounts;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Tests.Features.AiTasks;
using CET4Trainer.Tests.TestSupport;
using CET4Trainer.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CET4Trainer.Tests.Web.AiTasks;

// A bUnit context whose services are the real app host's (SQLite file, Quartz, task hub and runner, a
// scripted task kind), so components render over tasks that really run.
public abstract class TaskHostContext : MudTestContext
{
    private int disposed;

    protected TaskHostContext()
    {
        Services.AddScoped<CurrentUser>();
        Services.AddFallbackServiceProvider(Host.App.Services);
    }

    protected TaskHost Host { get; } = new();

    protected IDbContextFactory<AppDbContext> Contexts => Host.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    protected Task<Viewer> UserAsync(string name, bool admin = false) => Host.UserAsync($"{name}-{Guid.NewGuid():N}@example.edu.cn", admin);

    protected void SignIn(Viewer viewer)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(viewer.UserId);
        auth.SetRoles(viewer.IsAdmin ? Roles.Admin : Roles.Teacher);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, viewer.UserId));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // Also reached from DisposeAsync (with disposing false): the host goes either way, once.
        if (Interlocked.Exchange(ref disposed, 1) == 0) Host.App.Dispose();
    }
}
