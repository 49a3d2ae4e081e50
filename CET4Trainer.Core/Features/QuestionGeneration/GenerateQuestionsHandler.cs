using System.Text.Json;
using System.Text.Json.Nodes;
using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Ai.Engine;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Accounts;
using CET4Trainer.Core.Features.AiTasks;
using CET4Trainer.Core.Features.Items;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CET4Trainer.Core.Features.QuestionGeneration;

// Generates a batch of items one by one. Each item is its own unit: the draft is saved and the progress
// counted in one commit, so a page watching the task sees every item arrive and a retry never doubles one.
public sealed partial class GenerateQuestionsHandler(
    IDbContextFactory<AppDbContext> contexts, AiGateway gateway, GenerateQuestionsOperation operation, TimeProvider clock,
    ILogger<GenerateQuestionsHandler> log) : IAiTaskHandler
{
    public AiTaskKind Kind => AiTaskKind.GenerateQuestions;

    public async Task RunAsync(AiTaskRun run, CancellationToken cancellationToken)
    {
        var request = run.Input<GenerationRequest>();
        if (request.Validate() is { Count: > 0 } errors) throw new AiTaskFailedException(string.Join(" ", errors.Select(e => e.Message)));
        var references = await ReferencesAsync(run.OwnerId, request.ReferenceItemIds, cancellationToken);
        var made = await TitlesSoFarAsync(run.TaskId, cancellationToken);
        var seed = BitConverter.ToInt32(run.TaskId.ToByteArray(), 0) & int.MaxValue;
        for (var number = run.Done + 1; number <= run.Total; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await run.ReportStepAsync($"正在生成第 {number}/{run.Total} 题", cancellationToken);
            var input = new GenerateQuestionsInput(request.Type, request.Topic.Trim(), request.Difficulty, references, number, seed, made);
            var title = await GenerateOneAsync(run, input, cancellationToken);
            if (title is not null) made = [.. made, title];
        }
    }

    // Returns the saved draft's title, or null when the item was discarded.
    private async Task<string?> GenerateOneAsync(AiTaskRun run, GenerateQuestionsInput input, CancellationToken cancellationToken)
    {
        AiResult<GeneratedItem> result;
        try
        {
            result = await gateway.RunAsync(operation, input, run.CallContext, cancellationToken);
        }
        catch (AiRefusedException refused)
        {
            // Budget or rate limit: retrying the task cannot help today.
            throw new AiTaskFailedException(refused.Message);
        }
        catch (Exception ex) when (DiscardReason(ex) is { } discard)
        {
            LogDiscarded(run.TaskId, input.Number, discard.Reason);
            await DiscardAsync(run, input.Number, discard.Reason, discard.Engine, AiUsage.None, cancellationToken);
            return null;
        }
        if (result.Retries > 0) await run.ReportRetriesAsync(result.Retries, cancellationToken);

        var draft = result.Value.ToDraft(input);
        if (DraftCheck.Problem(draft) is { } problem)
        {
            LogDiscarded(run.TaskId, input.Number, problem);
            await DiscardAsync(run, input.Number, problem, result.Engine, result.Usage, cancellationToken);
            return null;
        }

        var unit = new JsonObject { ["number"] = input.Number, ["title"] = draft.Title, ["engine"] = result.Engine };
        await run.CompleteUnitAsync(async (db, token) =>
        {
            var item = result.IsOffline
                ? ItemMapper.ToNewItem(draft, ItemSource.OfflineGenerator, ItemStatus.Draft, run.OwnerId)
                : ItemMapper.ToNewItem(draft, ItemSource.Ai, ItemStatus.Draft, run.OwnerId, result.Engine, result.Model);
            item.CreatedUtc = item.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
            db.Items.Add(item);
            // Saved here, inside the unit's transaction, so the result can name the new item's id.
            await db.SaveChangesAsync(token);
            unit["itemId"] = item.Id;
        }, result.Usage, result.Engine, unit, cancellationToken);
        return draft.Title;
    }

    private static Task DiscardAsync(AiTaskRun run, int number, string reason, string engine, AiUsage usage, CancellationToken cancellationToken) =>
        run.CompleteUnitAsync(null, usage, engine, new JsonObject { ["number"] = number, ["discarded"] = reason, ["engine"] = engine }, cancellationToken);

    // Failures that belong to this one item (the engine cannot make it, or answered with something that is
    // not an item); anything else fails the attempt, which the runner retries.
    private static (string Reason, string Engine)? DiscardReason(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is OfflineGenerationException) return (e.Message, AiEngines.Offline);
            if (e is JsonException) return ("AI 返回的内容不是有效的题目 JSON，修复一次后仍然不行。", "AI 服务");
        }
        return null;
    }

    // References the owner may see (shared or their own; admins any), in the order chosen.
    private async Task<IReadOnlyList<ItemDraft>> ReferencesAsync(string ownerId, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return [];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var viewer = await ViewerLookup.ForAsync(db, ownerId, cancellationToken);
        var items = await db.Items.AsNoTracking().AsSplitQuery().Include(i => i.Questions).Include(i => i.Tags)
            .Where(i => ids.Contains(i.Id)).ToListAsync(cancellationToken);
        return ids.Select(id => items.FirstOrDefault(i => i.Id == id)).OfType<Item>().Where(viewer.CanSee).Select(i => ItemMapper.ToDraft(i)).ToList();
    }

    // Titles committed by earlier attempts of this task, so a resumed batch still avoids repeating them.
    private async Task<IReadOnlyList<string>> TitlesSoFarAsync(Guid taskId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var json = await db.AiTasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => t.ResultJson).FirstOrDefaultAsync(cancellationToken);
        return GenerationUnit.Parse(json).Where(u => u.ItemId is not null && u.Title is not null).Select(u => u.Title!).ToList();
    }

    [LoggerMessage(LogLevel.Information, "Generation task {TaskId} discarded item {Number}: {Reason}")]
    private partial void LogDiscarded(Guid taskId, int number, string reason);
}
