using CET4Trainer.Core.Features.Items;

namespace CET4Trainer.Core.Features.QuestionGeneration;

// What a teacher asks for: `Count` items of one type on a topic, optionally imitating reference items.
// Stored as the task's input, so it must stay serialisable as it is.
public sealed record GenerationRequest(ItemType Type, string Topic, int Difficulty, int Count, IReadOnlyList<int> ReferenceItemIds)
{
    public const int MaxCount = 20;
    public const int MaxReferences = 3;
    public const int MaxTopicLength = 30;

    // Field-by-field problems in words a teacher can act on; empty when the request may start.
    public IReadOnlyList<ShapeError> Validate()
    {
        var errors = new List<ShapeError>();
        if (!Enum.IsDefined(Type)) errors.Add(new("type", "请选择题型。"));
        var topic = Topic?.Trim() ?? "";
        if (topic.Length == 0) errors.Add(new("topic", "请填写话题，例如 environment 或 校园生活。"));
        else if (topic.Length > MaxTopicLength) errors.Add(new("topic", $"话题不能超过 {MaxTopicLength} 个字符。"));
        if (Difficulty is < 1 or > 5) errors.Add(new("difficulty", "难度必须是 1 到 5。"));
        if (Count is < 1 or > MaxCount) errors.Add(new("count", $"一次可以生成 1-{MaxCount} 道题。"));
        if ((ReferenceItemIds?.Count ?? 0) > MaxReferences) errors.Add(new("references", $"参考题目最多选 {MaxReferences} 道。"));
        return errors;
    }
}

public sealed record GenerationStart(Guid? TaskId, IReadOnlyList<ShapeError> Errors)
{
    public bool Succeeded => TaskId is not null;
}
