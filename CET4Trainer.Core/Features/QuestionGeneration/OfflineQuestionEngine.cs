using CET4Trainer.Core.Features.Generators;
using CET4Trainer.Core.Features.Items;

namespace CET4Trainer.Core.Features.QuestionGeneration;

// Raised by the offline engine when it cannot make the item asked for; the message says why and what to do.
public sealed class OfflineGenerationException(string message) : Exception(message);

// The built-in engine's answer to GenerateQuestions: vocabulary drills from the word data and banked
// cloze from a reference item's passage or a bundled passage on the topic. Other types need a model.
public sealed class OfflineQuestionEngine(WordIndexProvider words, PassageLibrary passages)
{
    // Below this many words of the asked difficulty, the whole list is used instead.
    private const int MinimumBand = 100;

    public static bool Supports(ItemType type) => type == ItemType.BankedCloze || VocabularyDrillGenerator.Types.Contains(type);

    public static string Unsupported(ItemType type) => $"离线引擎不能生成该题型（{ItemTypes.ChineseName(type)}），请配置 AI 服务。";

    public async Task<ItemDraft> GenerateAsync(GenerateQuestionsInput input, CancellationToken cancellationToken)
    {
        if (VocabularyDrillGenerator.Types.Contains(input.Type)) return await DrillAsync(input, cancellationToken);
        if (input.Type == ItemType.BankedCloze) return await ClozeAsync(input, cancellationToken);
        throw new OfflineGenerationException(Unsupported(input.Type));
    }

    // The batch's n-th drill is the n-th of the seed's sequence, so a resumed batch continues it without repeats.
    private async Task<ItemDraft> DrillAsync(GenerateQuestionsInput input, CancellationToken cancellationToken)
    {
        var index = await words.GetAsync(cancellationToken);
        var band = index.Words.Where(w => VocabularyDrillGenerator.DifficultyOf(w) == input.Difficulty).ToList();
        var pool = band.Count >= MinimumBand ? band : index.Words;
        var drafts = new VocabularyDrillGenerator(index).Generate(input.Type, input.Number, input.Seed, pool);
        if (drafts.Count < input.Number)
            throw new OfflineGenerationException("词表里适合这个题型和难度的单词已经用完：请换一个难度，或减少数量。");
        return drafts[input.Number - 1];
    }

    private async Task<ItemDraft> ClozeAsync(GenerateQuestionsInput input, CancellationToken cancellationToken)
    {
        var sources = input.References.Select(PassageLibrary.SourceText).OfType<string>().Where(PassageLibrary.Fits).ToList();
        if (sources.Count == 0) sources = [.. await passages.ForTopicAsync(input.Topic, cancellationToken)];
        if (sources.Count == 0)
            throw new OfflineGenerationException($"没有与话题“{input.Topic}”相符的内置文章：请选一道带文章的参考题目（120-600 词），或配置 AI 服务。");
        var generator = new BankedClozeGenerator(await words.GetAsync(cancellationToken));
        string? problem = null;
        // Items of a batch take turns over the passages; a passage that cannot be blanked hands over to the next.
        for (var i = 0; i < sources.Count; i++)
        {
            var result = generator.Generate(sources[(input.Number - 1 + i) % sources.Count], unchecked(input.Seed + input.Number));
            if (result.Draft is { } draft) return draft;
            problem = result.Error;
        }
        throw new OfflineGenerationException($"参考文章做不成选词填空：{problem}");
    }
}
