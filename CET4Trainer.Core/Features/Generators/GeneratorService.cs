using CET4Trainer.Core.Features.Items;

namespace CET4Trainer.Core.Features.Generators;

public sealed record GenerationResult(IReadOnlyList<int> ItemIds, string? Error);

// Offline generation for teachers: results land in the review queue as drafts labelled as generated.
public sealed class GeneratorService(WordIndexProvider words, ItemBankService bank)
{
    public const int MaxDrillsPerRequest = 100;

    public async Task<ClozeResult> PreviewClozeAsync(string passage, int seed, string? title, CancellationToken cancellationToken = default) =>
        new BankedClozeGenerator(await words.GetAsync(cancellationToken)).Generate(passage, seed, title);

    public async Task<GenerationResult> GenerateDrillsAsync(ItemType type, int count, int seed, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!VocabularyDrillGenerator.Types.Contains(type)) return new([], $"{ItemTypes.ChineseName(type)}不是词汇练习题型。");
        if (count is < 1 or > MaxDrillsPerRequest) return new([], $"一次可以生成 1-{MaxDrillsPerRequest} 道题。");
        var drafts = new VocabularyDrillGenerator(await words.GetAsync(cancellationToken)).Generate(type, count, seed);
        var ids = new List<int>();
        foreach (var draft in drafts)
        {
            var saved = await bank.CreateAsync(draft, viewer, ItemSource.OfflineGenerator, ItemStatus.Draft, cancellationToken);
            if (saved.Id is { } id) ids.Add(id);
        }
        return new(ids, ids.Count < count ? $"只生成了 {ids.Count} 道：符合条件的单词不够。" : null);
    }

    public Task<SaveResult> SaveClozeAsync(ItemDraft draft, Viewer viewer, CancellationToken cancellationToken = default) =>
        bank.CreateAsync(draft, viewer, ItemSource.OfflineGenerator, ItemStatus.Draft, cancellationToken);
}
