namespace CET4Trainer.Core.Features.Explanations;

public enum ExplanationSource
{
    Memory,
    Stored,

    // Asked while the same explanation was being generated for someone else, and given that one.
    Shared,
    Generated,
}

// Hit counts since start, for the admin page; the same events go to the AI meter as hits and misses.
public sealed class ExplanationCacheStats(ExplanationMemory memory)
{
    private long memoryHits;
    private long storedHits;
    private long sharedHits;
    private long misses;

    public void Count(ExplanationSource source)
    {
        switch (source)
        {
            case ExplanationSource.Memory: Interlocked.Increment(ref memoryHits); break;
            case ExplanationSource.Stored: Interlocked.Increment(ref storedHits); break;
            case ExplanationSource.Shared: Interlocked.Increment(ref sharedHits); break;
            default: Interlocked.Increment(ref misses); break;
        }
    }

    public ExplanationCacheSnapshot Read() => new(Interlocked.Read(ref memoryHits), Interlocked.Read(ref storedHits), Interlocked.Read(ref sharedHits),
        Interlocked.Read(ref misses), memory.Count, memory.Characters, memory.Budget);
}

public sealed record ExplanationCacheSnapshot(long MemoryHits, long StoredHits, long SharedHits, long Misses, int MemoryEntries, long MemoryCharacters, long MemoryBudget)
{
    public long Hits => MemoryHits + StoredHits + SharedHits;

    public long Requests => Hits + Misses;

    public double? HitRate => Requests == 0 ? null : (double)Hits / Requests;
}
