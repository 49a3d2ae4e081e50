using CET4Trainer.Core.Features.Items;

namespace CET4Trainer.Core.Features.QuestionGeneration;

// One call of GenerateQuestions: the `Number`-th item of a batch. Only content goes in: the reference
// items' text, the topic and the titles already made in this batch (so the model does not repeat them).
// `Seed` makes the offline engine's choices repeatable for the batch.
public sealed record GenerateQuestionsInput(
    ItemType Type, string Topic, int Difficulty, IReadOnlyList<ItemDraft> References, int Number, int Seed, IReadOnlyList<string> Avoid);
