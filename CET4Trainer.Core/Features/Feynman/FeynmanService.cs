using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Ai.Engine;
using CET4Trainer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.Feynman;

// Feynman mode: the student explains, the tutor asks at most three probing questions one at a time,
// then a summary closes the exercise. Every step is saved as it happens; a student sees only their own.
public sealed class FeynmanService(
    IDbContextFactory<AppDbContext> contexts, FeynmanTopics topics, AiGateway gateway, FeynmanTurn turn, FeynmanSummarize summarize, TimeProvider clock)
{
    public const int MinExplanationLength = 10;
    public const int MaxTextLength = 2000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task<(int? Id, string? Error)> StartAsync(string studentId, FeynmanTopicKind kind, string key, string explanation,
        CancellationToken cancellationToken = default)
    {
        var topic = await topics.ResolveAsync(kind, key, cancellationToken);
        if (topic is null) return (null, kind == FeynmanTopicKind.Word ? "词表中找不到这个单词，请从搜索结果中选择。" : "请先选择一个语法点。");
        if (Check(explanation, MinExplanationLength) is { } error) return (null, error);
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new FeynmanSession
        {
            StudentId = studentId, TopicKind = topic.Kind, TopicKey = topic.Key, TopicTitle = topic.Title, PromptVersion = turn.PromptVersion,
            TurnsJson = Serialize([new FeynmanTurnRecord(FeynmanRole.Student, explanation.Trim(), null, now)]), CreatedUtc = now, UpdatedUtc = now,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.FeynmanSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return (session.Id, null);
    }

    public async Task<string?> AnswerAsync(int id, string studentId, string answer, CancellationToken cancellationToken = default)
    {
        if (Check(answer, 1) is { } error) return error;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var session = await Owned(db, id, studentId).FirstOrDefaultAsync(cancellationToken);
        if (session is null) return "找不到这次练习。";
        if (View(session).Next != FeynmanStep.StudentAnswer) return "现在不需要回答：请刷新页面查看最新进度。";
        return await AppendAsync(db, session, new FeynmanTurnRecord(FeynmanRole.Student, answer.Trim(), null, clock.GetUtcNow().UtcDateTime), cancellationToken);
    }

    // The tutor's next question, streamed; saved once it is complete. Refused after the third question.
    public async IAsyncEnumerable<AiStreamEvent> TurnAsync(int id, string studentId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        FeynmanSession session;
        FeynmanInput input;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            session = await Owned(db, id, studentId).AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? throw new FeynmanRefusedException("找不到这次练习。");
            var view = View(session);
            if (view.Next != FeynmanStep.TutorTurn)
                throw new FeynmanRefusedException(view.Next == FeynmanStep.Summary ? $"最多提问 {FeynmanView.MaxQuestions} 次，接下来是总结。" : "现在不是提问的时候：请刷新页面查看最新进度。");
            input = await topics.InputAsync(view.Topic, Transcript(view), view.QuestionsAsked + 1, cancellationToken);
        }
        var text = new StringBuilder();
        AiStreamEvent.Finished? finished = null;
        await foreach (var e in gateway.StreamAsync(turn, input, new AiCallContext(studentId), cancellationToken))
        {
            if (e is AiStreamEvent.Restart) text.Clear();
            else if (e is AiStreamEvent.Delta delta) text.Append(delta.Text);
            else if (e is AiStreamEvent.Finished f)
            {
                finished = f;
                continue;
            }
            yield return e;
        }
        if (finished is null || text.Length == 0) throw new InvalidOperationException("The tutor's turn ended before it finished.");
        await using (var db = await contexts.CreateDbContextAsync(CancellationToken.None))
        {
            db.Attach(session);
            var error = await AppendAsync(db, session, new FeynmanTurnRecord(FeynmanRole.Tutor, text.ToString().Trim(), finished.Engine, clock.GetUtcNow().UtcDateTime),
                CancellationToken.None);
            if (error is not null) throw new FeynmanRefusedException(error);
        }
        yield return finished;
    }

    // Closes the exercise with a summary (what was understood, what is missing, one thing to practise).
    public async Task<FeynmanView> SummarizeAsync(int id, string studentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var session = await Owned(db, id, studentId).FirstOrDefaultAsync(cancellationToken) ?? throw new FeynmanRefusedException("找不到这次练习。");
        var view = View(session);
        if (!view.CanSummarize) throw new FeynmanRefusedException(view.CompletedUtc is null ? "至少回答一个问题后才能总结。" : "这次练习已经总结过了。");
        var input = await topics.InputAsync(view.Topic, Transcript(view), view.QuestionsAsked, cancellationToken);
        var result = await gateway.RunAsync(summarize, input, new AiCallContext(studentId), cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        session.SummaryJson = JsonSerializer.Serialize(result.Value, Json);
        session.SummaryPromptVersion = result.PromptVersion;
        session.SummaryEngine = result.Engine;
        session.Engines = WithEngine(session.Engines, result.Engine);
        session.CompletedUtc = now;
        session.UpdatedUtc = now;
        await SaveAsync(db, cancellationToken);
        return View(session);
    }

    public async Task<FeynmanView?> GetAsync(int id, string studentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var session = await Owned(db, id, studentId).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return session is null ? null : View(session);
    }

    public async Task<IReadOnlyList<FeynmanListItem>> ListAsync(string studentId, int take = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.FeynmanSessions.AsNoTracking().Where(s => s.StudentId == studentId).OrderByDescending(s => s.CreatedUtc).Take(take)
            .Select(s => new { s.Id, s.TopicKind, s.TopicTitle, s.TurnsJson, s.CreatedUtc, s.CompletedUtc }).ToListAsync(cancellationToken);
        return rows.Select(r => new FeynmanListItem(r.Id, r.TopicKind, r.TopicTitle, Turns(r.TurnsJson).Count(t => t.Role == FeynmanRole.Tutor), r.CreatedUtc, r.CompletedUtc))
            .ToList();
    }

    // What the engines are told: the student appears as "Student", never by name or id.
    public static IReadOnlyList<FeynmanLine> Transcript(FeynmanView view) => view.Turns.Select(t => new FeynmanLine(t.Role, t.Text)).ToList();

    private async Task<string?> AppendAsync(AppDbContext db, FeynmanSession session, FeynmanTurnRecord record, CancellationToken cancellationToken)
    {
        var turns = Turns(session.TurnsJson).Append(record).ToList();
        session.TurnsJson = Serialize(turns);
        if (record.Engine is { } engine) session.Engines = WithEngine(session.Engines, engine);
        session.UpdatedUtc = record.AtUtc > session.UpdatedUtc ? record.AtUtc : session.UpdatedUtc.AddTicks(1);
        return await SaveAsync(db, cancellationToken);
    }

    private static async Task<string?> SaveAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return "这次练习刚在另一个页面里更新过，请刷新后继续。";
        }
    }

    private static IQueryable<FeynmanSession> Owned(AppDbContext db, int id, string studentId) =>
        db.FeynmanSessions.Where(s => s.Id == id && s.StudentId == studentId);

    private static FeynmanView View(FeynmanSession s) => new(s.Id, new FeynmanTopic(s.TopicKind, s.TopicKey, s.TopicTitle), Turns(s.TurnsJson),
        s.SummaryJson is null ? null : JsonSerializer.Deserialize<FeynmanSummary>(s.SummaryJson, Json), s.SummaryEngine, s.Engines, s.CreatedUtc, s.CompletedUtc);

    private static List<FeynmanTurnRecord> Turns(string json) => JsonSerializer.Deserialize<List<FeynmanTurnRecord>>(json, Json) ?? [];

    private static string Serialize(List<FeynmanTurnRecord> turns) => JsonSerializer.Serialize(turns, Json);

    private static string WithEngine(string engines, string engine)
    {
        var list = engines.Split('、', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (!list.Contains(engine)) list.Add(engine);
        var joined = string.Join("、", list);
        return joined.Length <= 400 ? joined : engines;
    }

    private static string? Check(string text, int min)
    {
        var trimmed = text.Trim();
        if (trimmed.Length < min) return min > 1 ? $"请先用自己的话写下你的解释（至少 {min} 个字）。" : "请先写下你的回答。";
        return trimmed.Length > MaxTextLength ? $"内容太长了（最多 {MaxTextLength} 字），请精简后再提交。" : null;
    }
}
