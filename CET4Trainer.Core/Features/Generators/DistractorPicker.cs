using CET4Trainer.Core.Features.Vocabulary;

namespace CET4Trainer.Core.Features.Generators;

// Picks distractors of the same part of speech and similar frequency whose meanings cannot be
// confused with the answer's, with a seeded choice among the nearest candidates.
public static class DistractorPicker
{
    public static List<Word> Pick(WordIndex index, Word answer, int count, Random random, ISet<string>? exclude = null)
    {
        var pool = index.Neighbours(answer)
            .Where(w => exclude is null || !exclude.Contains(w.Headword))
            .Where(w => !Related(w, answer))
            .Where(w => !Glosses.MayOverlap(answer.TranslationZh, w.TranslationZh))
            .Take(count * 4)
            .ToList();
        var chosen = new List<Word>();
        while (chosen.Count < count && pool.Count > 0)
        {
            var pick = pool[random.Next(pool.Count)];
            pool.Remove(pick);
            // Distractors must not be confusable with each other either.
            if (chosen.All(c => !Related(c, pick) && !Glosses.MayOverlap(c.TranslationZh, pick.TranslationZh))) chosen.Add(pick);
        }
        return chosen;
    }

    // One word is a form of the other, or they share a long stem ("decide"/"decision").
    public static bool Related(Word a, Word b)
    {
        var formsA = WordIndex.FormsOf(a).Append(a.Headword).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (WordIndex.FormsOf(b).Append(b.Headword).Any(formsA.Contains)) return true;
        var stem = Math.Min(5, Math.Min(a.Headword.Length, b.Headword.Length));
        return stem >= 5 && string.Compare(a.Headword, 0, b.Headword, 0, stem, StringComparison.OrdinalIgnoreCase) == 0;
    }
}
