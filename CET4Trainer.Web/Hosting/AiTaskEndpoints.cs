using System.Security.Claims;
using CET4Trainer.Core.Features.Accounts;
using CET4Trainer.Core.Features.AiTasks;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.QuestionGeneration;

namespace CET4Trainer.Web.Hosting;

// AI tasks for scripts and tools: start a question generation, read a task, cancel it. The same
// services and ownership rules as the pages; JSON in and out, cookie sign-in.
public static class AiTaskEndpoints
{
    public static WebApplication MapCet4AiTaskEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api/ai").RequireAuthorization(policy => policy.RequireRole(Roles.Teacher, Roles.Admin))
            .AddEndpointFilter(async (context, next) =>
            {
                // Scripts get the bare status code: the app's HTML "not found" page is for browsers, and
                // re-executing it for a POST would turn a 404 into the page form's 400.
                if (context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
                return await next(context);
            });

        api.MapPost("/generations", async (GenerationRequest request, HttpContext http, QuestionGenerationService generation) =>
        {
            var started = await generation.StartAsync(request with { ReferenceItemIds = request.ReferenceItemIds ?? [] }, ViewerOf(http), http.RequestAborted);
            return started.TaskId is { } id
                ? Results.Accepted($"/api/ai/tasks/{id}", new { taskId = id })
                : Results.ValidationProblem(started.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        });

        api.MapGet("/tasks/{id:guid}", async (Guid id, HttpContext http, AiTaskService tasks) =>
            await tasks.GetAsync(id, ViewerOf(http), http.RequestAborted) is { } task ? Results.Ok(task) : Results.NotFound());

        api.MapGet("/tasks/{id:guid}/results", async (Guid id, HttpContext http, AiTaskService tasks) =>
            await tasks.ResultJsonAsync(id, ViewerOf(http), http.RequestAborted) is { } json
                ? Results.Text(json, "application/json; charset=utf-8")
                : Results.NotFound());

        // Someone else's task answers 404 as on reading, so ids cannot be probed; a task in the wrong state answers 409.
        api.MapPost("/tasks/{id:guid}/cancel", async (Guid id, HttpContext http, AiTaskService tasks) =>
            await ChangeAsync(id, http, tasks, tasks.CancelAsync));
        api.MapPost("/tasks/{id:guid}/retry", async (Guid id, HttpContext http, AiTaskService tasks) =>
            await ChangeAsync(id, http, tasks, tasks.RetryAsync));
        return app;
    }

    private static async Task<IResult> ChangeAsync(Guid id, HttpContext http, AiTaskService tasks,
        Func<Guid, Viewer, CancellationToken, Task<string?>> change)
    {
        var viewer = ViewerOf(http);
        if (await tasks.GetAsync(id, viewer, http.RequestAborted) is null) return Results.NotFound();
        return await change(id, viewer, http.RequestAborted) is { } problem
            ? Results.Problem(problem, statusCode: StatusCodes.Status409Conflict)
            : Results.NoContent();
    }

    private static Viewer ViewerOf(HttpContext http) =>
        new(http.User.FindFirstValue(ClaimTypes.NameIdentifier)!, http.User.IsInRole(Roles.Admin));
}
