using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Generators;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;
using CET4Trainer.Core.Features.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.Review;

public sealed record DueCard(int CardId, int WordId, string Headword, string Phonetic, string Translation, string Definition,
    string? Example, string? ExampleChinese, CardState State, bool IsLeech, CardOrigin Origin);

public sealed record DeckStatus(int DueNow, int DueToday, int NewToday, int Total, int Leeches, double DesiredRetention);

// A student's vocabulary deck on the FSRS-6 schedule: due cards, new words each day, the words of missed questions.
public sealed class DeckService(IDbContextFactory<AppDbContext> contexts, WordIndexProvider words, ItemCatalog catalog, TimeProvider clock)
{
    public const int LeechLapses = 8;

    public async Task<DeckStatus> StatusAsync(string studentId, DateTime endOfTodayUtc, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var dayStart = endOfTodayUtc.AddDays(-1);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cards = db.VocabCards.AsNoTracking().Where(c => c.StudentId == studentId);
        var prefs = await Preferences(db, studentId, cancellationToken);
        return new DeckStatus(
            await cards.CountAsync(c => c.DueUtc <= now, cancellationToken),
            await cards.CountAsync(c => c.DueUtc <= endOfTodayUtc, cancellationToken),
            await cards.CountAsync(c => c.AddedUtc >= dayStart, cancellationToken),
            await cards.CountAsync(cancellationToken),
            await cards.CountAsync(c => c.IsLeech, cancellationToken),
            prefs.DesiredRetention);
    }

    // Cards due now, after topping the deck up with today's new words (most frequent CET-4 words first).
    public async Task<IReadOnlyList<DueCard>> DueAsync(string studentId, DateTime startOfTodayUtc, int limit, CancellationToken cancellationToken = default)
    {
        await AddFromMistakesAsync(studentId, cancellationToken);
        await TopUpAsync(studentId, startOfTodayUtc, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var due = await db.VocabCards.AsNoTracking().Where(c => c.StudentId == studentId && c.DueUtc <= now)
            .OrderBy(c => c.DueUtc).Take(limit)
            .Join(db.Words, c => c.WordId, w => w.Id, (c, w) => new { c, w })
            .ToListAsync(cancellationToken);
        var wordIds = due.Select(d => d.w.Id).ToList();
        var examples = (await db.WordExamples.AsNoTracking().Where(e => wordIds.Contains(e.WordId) && e.Source == ExampleSource.Tatoeba)
            .ToListAsync(cancellationToken)).GroupBy(e => e.WordId).ToDictionary(g => g.Key, g => g.First());
        return due.Select(d => new DueCard(d.c.Id, d.w.Id, d.w.Headword, d.w.Phonetic, d.w.TranslationZh, d.w.DefinitionEn,
            examples.GetValueOrDefault(d.w.Id)?.English, examples.GetValueOrDefault(d.w.Id)?.Chinese, d.c.State, d.c.IsLeech, d.c.Origin)).ToList();
    }

    public async Task<VocabCard?> RateAsync(string studentId, int cardId, Rating rating, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var card = await db.VocabCards.FirstOrDefaultAsync(c => c.Id == cardId && c.StudentId == studentId, cancellationToken);
        if (card is null) return null;
        var prefs = await Preferences(db, studentId, cancellationToken);
        var before = card.State;
        var next = new Fsrs(prefs.DesiredRetention).Review(card.Memory, rating, now);
        if (rating == Rating.Again && before == CardState.Review) card.Lapses++;
        (card.State, card.Step, card.Stability, card.Difficulty, card.LastReviewUtc, card.DueUtc) =
            (next.State, next.Step, next.Stability, next.Difficulty, next.LastReviewUtc, next.DueUtc);
        card.Reps++;
        card.IsLeech = card.Lapses >= LeechLapses;
        db.ReviewLog.Add(new ReviewLogEntry { CardId = card.Id, StudentId = studentId, Rating = rating, StateBefore = before, ReviewedUtc = now });
        await db.SaveChangesAsync(cancellationToken);
        return card;
    }

    public async Task SetDesiredRetentionAsync(string studentId, double retention, int newPerDay, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var prefs = await db.StudyPreferences.FirstOrDefaultAsync(p => p.StudentId == studentId, cancellationToken);
        if (prefs is null) db.StudyPreferences.Add(prefs = new StudyPreferences { StudentId = studentId });
        prefs.DesiredRetention = Math.Clamp(Math.Round(retention, 2), 0.7, 0.97);
        prefs.NewCardsPerDay = Math.Clamp(newPerDay, 0, 100);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<StudyPreferences> PreferencesAsync(string studentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Preferences(db, studentId, cancellationToken);
    }

    // The words behind each missed question go into the deck: the drilled word, the banked-cloze
    // answer, or the less common CET-4 words of the question and its right option.
    public async Task<int> AddFromMistakesAsync(string studentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var mistakes = await db.Mistakes.Where(m => m.StudentId == studentId && !m.WordsAdded).ToListAsync(cancellationToken);
        if (mistakes.Count == 0) return 0;
        var index = await words.GetAsync(cancellationToken);
        var items = await catalog.GetAsync(mistakes.Select(m => m.ItemId).ToList(), cancellationToken);
        var found = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in mistakes)
        {
            if (items.TryGetValue(m.ItemId, out var item)) found.UnionWith(WordsBehind(item, m.QuestionNumber, index));
            m.WordsAdded = true;
        }
        var headwords = found.ToList();
        var wordIds = await db.Words.Where(w => headwords.Contains(w.Headword)).Select(w => w.Id).ToListAsync(cancellationToken);
        var have = await db.VocabCards.Where(c => c.StudentId == studentId && wordIds.Contains(c.WordId)).Select(c => c.WordId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = wordIds.Except(have).Select(id => new VocabCard { StudentId = studentId, WordId = id, Origin = CardOrigin.Mistake, DueUtc = now, AddedUtc = now }).ToList();
        db.VocabCards.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        return added.Count;
    }

    public static IEnumerable<string> WordsBehind(ItemView item, int number, WordIndex index)
    {
        var q = item.Draft.Questions.ElementAtOrDefault(number - 1);
        if (q is null) return [];
        string? Right() => "ABCDEFGHIJKLMNO".IndexOf(q.Answer, StringComparison.Ordinal) is var i and >= 0
            ? (item.Type == ItemType.BankedCloze ? item.Draft.WordBank.ElementAtOrDefault(i) : q.Options.ElementAtOrDefault(i)) : null;
        IEnumerable<string> Lookup(params string?[] texts) => texts.Where(t => t is not null)
            .SelectMany(t => TextMeasures.Words(t!)).Select(index.Find).Where(w => w is not null).Select(w => w!)
            .DistinctBy(w => w.Headword).Where(w => w.FrequencyRank > 1500).OrderByDescending(w => w.FrequencyRank).Take(3).Select(w => w.Headword);
        return item.Type switch
        {
            ItemType.VocabSpelling => [index.Find(q.Answer)?.Headword ?? q.Answer],
            ItemType.VocabWordToMeaning => [index.Find(TextMeasures.Words(q.Stem).FirstOrDefault() ?? "")?.Headword ?? ""],
            ItemType.VocabMeaningToWord or ItemType.VocabWordForm or ItemType.VocabSentenceCompletion or ItemType.BankedCloze =>
                [index.Find(Right() ?? "")?.Headword ?? ""],
            _ => Lookup(q.Stem, Right()),
        };
    }

    private async Task TopUpAsync(string studentId, DateTime startOfTodayUtc, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var prefs = await Preferences(db, studentId, cancellationToken);
        var addedToday = await db.VocabCards.CountAsync(c => c.StudentId == studentId && c.AddedUtc >= startOfTodayUtc && c.Origin == CardOrigin.Deck, cancellationToken);
        var wanted = prefs.NewCardsPerDay - addedToday;
        if (wanted <= 0) return;
        var inDeck = db.VocabCards.Where(c => c.StudentId == studentId).Select(c => c.WordId);
        var next = await db.Words.Where(w => !inDeck.Contains(w.Id)).OrderBy(w => w.FrqRank ?? w.BncRank ?? 100000).ThenBy(w => w.Id)
            .Select(w => w.Id).Take(wanted).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        db.VocabCards.AddRange(next.Select(id => new VocabCard { StudentId = studentId, WordId = id, Origin = CardOrigin.Deck, DueUtc = now, AddedUtc = now }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<StudyPreferences> Preferences(AppDbContext db, string studentId, CancellationToken cancellationToken) =>
        await db.StudyPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.StudentId == studentId, cancellationToken)
        ?? new StudyPreferences { StudentId = studentId };
}
