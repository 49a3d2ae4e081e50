using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.AiTasks;
using CET4Trainer.Core.Features.Items;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.QuestionGeneration;

// Starts generation tasks for teachers and reads back what they made.
public sealed class QuestionGenerationService(IDbContextFactory<AppDbContext> contexts, AiTaskService tasks)
{
    public async Task<GenerationStart> StartAsync(GenerationRequest request, Viewer teacher, CancellationToken cancellationToken = default)
    {
        var errors = request.Validate();
        if (errors.Count > 0) return new(null, errors);
        var ids = request.ReferenceItemIds.Distinct().ToList();
        if (ids.Count > 0)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var visible = await db.Items.Where(i => ids.Contains(i.Id) && (teacher.IsAdmin || i.OwnerId == null || i.OwnerId == teacher.UserId))
                .CountAsync(cancellationToken);
            if (visible != ids.Count) return new(null, [new("references", "有的参考题目不存在，或不是你可以使用的题目。")]);
        }
        var topic = request.Topic.Trim();
        var title = $"AI 出题：{ItemTypes.ChineseName(request.Type)} × {request.Count}（{topic}）";
        var (id, refusal) = await tasks.EnqueueAsync(
            new NewAiTask(AiTaskKind.GenerateQuestions, title, request with { Topic = topic, ReferenceItemIds = ids }, request.Count), teacher, cancellationToken);
        return id is null ? new(null, [new("task", refusal ?? "任务没有启动。")]) : new(id, []);
    }

    public async Task<IReadOnlyList<GenerationUnit>> ResultsAsync(Guid taskId, Viewer viewer, CancellationToken cancellationToken = default) =>
        GenerationUnit.Parse(await tasks.ResultJsonAsync(taskId, viewer, cancellationToken));
}
