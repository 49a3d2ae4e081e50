namespace CET4Trainer.Core.Features.Explanations;

// The in-memory front of the explanation cache: least recently used entries go first, and the total
// size is bounded in characters of text (not in entries, because explanations differ tenfold in length).
// Kept apart from the app's IMemoryCache so explanations never push practice items out of it.
public sealed class ExplanationMemory
{
    // Counted for every entry on top of its text, for the key and the list node.
    public const int EntryOverhead = 64;

    private readonly object gate = new();
    private readonly Dictionary<ExplanationKey, LinkedListNode<(ExplanationKey Key, CachedExplanation Value)>> entries = [];
    private readonly LinkedList<(ExplanationKey Key, CachedExplanation Value)> recency = new();
    private long used;

    public ExplanationMemory(long budgetCharacters)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(budgetCharacters, EntryOverhead);
        Budget = budgetCharacters;
    }

    public long Budget { get; }

    public int Count
    {
        get { lock (gate) return entries.Count; }
    }

    public long Characters
    {
        get { lock (gate) return used; }
    }

    public bool TryGet(ExplanationKey key, out CachedExplanation value)
    {
        lock (gate)
        {
            if (entries.TryGetValue(key, out var node))
            {
                recency.Remove(node);
                recency.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }
        value = default!;
        return false;
    }

    public void Put(ExplanationKey key, CachedExplanation value)
    {
        var cost = Cost(value);
        if (cost > Budget) return;
        lock (gate)
        {
            if (entries.Remove(key, out var old))
            {
                recency.Remove(old);
                used -= Cost(old.Value.Value);
            }
            while (used + cost > Budget && recency.Last is { } oldest)
            {
                recency.RemoveLast();
                entries.Remove(oldest.Value.Key);
                used -= Cost(oldest.Value.Value);
            }
            entries[key] = recency.AddFirst((key, value));
            used += cost;
        }
    }

    private static long Cost(CachedExplanation value) => value.Text.Length + value.Engine.Length + EntryOverhead;
}
