using CET4Trainer.Core.Features.Explanations;

namespace CET4Trainer.Tests.Features.Explanations;

public sealed class ExplanationMemoryTests
{
    [Fact]
    public void ThousandsOfEntries_NeverTakeMoreThanTheBudget_AndTheLeastRecentlyUsedGoFirst()
    {
        var memory = new ExplanationMemory(50_000);
        var text = new string('解', 400);

        for (var i = 0; i < 5_000; i++)
        {
            memory.Put(Key(i), new CachedExplanation(text, "p", null));
            // Item 0 is read all the time, so it stays however much else comes in.
            Assert.True(memory.TryGet(Key(0), out _));
            Assert.True(memory.Characters <= memory.Budget);
        }

        var perEntry = text.Length + 1 + ExplanationMemory.EntryOverhead;
        Assert.Equal(50_000 / perEntry, memory.Count);
        Assert.True(memory.TryGet(Key(4_999), out _));
        Assert.False(memory.TryGet(Key(1), out _));
        Assert.False(memory.TryGet(Key(4_999 - memory.Count), out _));
    }

    [Fact]
    public void ReplacingAnEntry_CountsItsSizeOnce_AndATextLargerThanTheBudgetIsNotKept()
    {
        var memory = new ExplanationMemory(1_000);
        memory.Put(Key(1), new CachedExplanation(new string('a', 300), "p", null));
        memory.Put(Key(1), new CachedExplanation(new string('b', 100), "p", null));
        memory.Put(Key(2), new CachedExplanation(new string('c', 5_000), "p", null));

        Assert.Equal(1, memory.Count);
        Assert.Equal(100 + 1 + ExplanationMemory.EntryOverhead, memory.Characters);
        Assert.True(memory.TryGet(Key(1), out var kept));
        Assert.StartsWith("b", kept.Text);
        Assert.False(memory.TryGet(Key(2), out _));
    }

    [Fact]
    public void ABudgetTooSmallForAnyEntry_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExplanationMemory(10));

    private static ExplanationKey Key(int item) => ExplanationKey.Of(item, 1, 1, "A", ExplanationFollowUp.First, 1);
}
