namespace CET4Trainer.Core.Features.Grading;

// What a grading prompt is built from: the task and the text being graded. There is deliberately no
// place for a name, an e-mail or an id, so none can reach a provider.
public sealed record WritingInput(string Prompt, string Response, int MinWords, int MaxWords);

// Source is the Chinese paragraph; Reference (item content) helps the offline estimate and the model alike.
public sealed record TranslationInput(string Source, string Response, string? Reference);
