using System.Diagnostics.Metrics;
using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Features.Explanations;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CET4Trainer.Tests.Features.Explanations;

// The explanation cache over a real SQLite file, fed by scripted provider streams.
public sealed class ExplanationCacheTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase database = new();
    private readonly ServiceProvider meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener listener = new();
    private readonly AiMetrics metrics;
    private long hits, misses;
    private int itemId;

    public ExplanationCacheTests()
    {
        metrics = new AiMetrics(meters.GetRequiredService<IMeterFactory>());
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == metrics.Meter) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "cet4.ai.explanation_cache.hits") Interlocked.Add(ref hits, value);
            if (instrument.Name == "cet4.ai.explanation_cache.misses") Interlocked.Add(ref misses, value);
        });
        listener.Start();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var teacher = await database.AddUserAsync("teacher@example.edu.cn");
        var saved = await new ItemBankService(database, TimeProvider.System).CreateAsync(SampleItems.Valid(ItemType.CarefulReading), new Viewer(teacher.Id, false),
            cancellationToken: Ct);
        itemId = saved.Id!.Value;
    }

    [Fact]
    public async Task SameKey_AskedAgain_IsServedFromMemoryWithoutAProviderCall_AndCountedAsAHit()
    {
        var (cache, stats) = NewCache();
        var provider = ScriptedStream.Finishing("C 是对的，因为原文说……");

        var first = await ReadAsync(cache, Key(), provider);
        var second = await ReadAsync(cache, Key(), provider);

        Assert.Equal(1, provider.Calls);
        Assert.Equal(first.Text, second.Text);
        Assert.False(first.Finished!.FromCache);
        Assert.True(second.Finished!.FromCache);
        Assert.Equal("test-provider", second.Finished.Engine);
        Assert.Equal((1L, 1L), (Interlocked.Read(ref hits), Interlocked.Read(ref misses)));
        Assert.Equal(0.5, stats.Read().HitRate);
        Assert.Equal(1, stats.Read().MemoryHits);
    }

    [Fact]
    public async Task ItemVersion_ChosenOption_FollowUp_AndPromptVersion_EachMakeADifferentExplanation()
    {
        var (cache, _) = NewCache();
        ExplanationKey[] keys =
        [
            Key(), Key() with { ItemVersion = 2 }, Key() with { Chosen = "D" }, Key() with { FollowUp = ExplanationFollowUp.Simpler },
            Key() with { QuestionNumber = 2 }, Key() with { PromptVersion = 2 },
        ];
        var providers = keys.Select((_, i) => ScriptedStream.Finishing($"explanation {i}")).ToList();

        for (var i = 0; i < keys.Length; i++) Assert.Equal($"explanation {i}", (await ReadAsync(cache, keys[i], providers[i])).Text);
        for (var i = 0; i < keys.Length; i++) Assert.Equal($"explanation {i}", (await ReadAsync(cache, keys[i], providers[i])).Text);

        Assert.All(providers, p => Assert.Equal(1, p.Calls));
        Assert.Equal((6L, 6L), (Interlocked.Read(ref hits), Interlocked.Read(ref misses)));
    }

    [Fact]
    public void ChosenAnswer_IsKeyedTrimmedAndUpperCased_AndOverlongAnswersAreNotCached()
    {
        Assert.Equal(ExplanationKey.Of(1, 1, 1, " b ", ExplanationFollowUp.First, 1), ExplanationKey.Of(1, 1, 1, "B", ExplanationFollowUp.First, 1));
        Assert.False(ExplanationKey.Of(1, 1, 1, new string('x', 65), ExplanationFollowUp.First, 1).IsCacheable);
        Assert.False(ExplanationKey.Of(1, 1, 1, "  ", ExplanationFollowUp.First, 1).IsCacheable);
    }

    [Fact]
    public async Task AStoredExplanation_OutlivesTheMemoryFront()
    {
        var provider = ScriptedStream.Finishing("stored text");
        await ReadAsync(NewCache().Cache, Key(), provider);

        var (restarted, stats) = NewCache();
        var again = await ReadAsync(restarted, Key(), provider);

        Assert.Equal(1, provider.Calls);
        Assert.Equal("stored text", again.Text);
        Assert.True(again.Finished!.FromCache);
        Assert.Equal(1, stats.Read().StoredHits);
        await using var db = database.CreateDbContext();
        var row = await db.ExplanationCache.SingleAsync(Ct);
        Assert.Equal((itemId, 1, 3, "B", "test-provider", "test-model"), (row.ItemId, row.ItemVersion, row.QuestionNumber, row.Chosen, row.Engine, row.Model));
    }

    [Fact]
    public async Task AnEditedItem_IsExplainedAfresh_AndTheOldVersionsExplanationsAreDropped()
    {
        var (cache, _) = NewCache();
        await ReadAsync(cache, Key(), ScriptedStream.Finishing("about version 1"));

        var editedItemKey = Key() with { ItemVersion = 2 };
        var fresh = ScriptedStream.Finishing("about version 2");
        var read = await ReadAsync(cache, editedItemKey, fresh);

        Assert.Equal(1, fresh.Calls);
        Assert.Equal("about version 2", read.Text);
        await using var db = database.CreateDbContext();
        Assert.Equal([2], await db.ExplanationCache.Select(e => e.ItemVersion).ToListAsync(Ct));
    }

    [Fact]
    public async Task ConcurrentAsksForOneKey_CallTheProviderOnce_AndEveryAskerGetsTheWholeText()
    {
        var (cache, stats) = NewCache();
        var provider = new ScriptedStream
        {
            Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously),
            Events = [new AiStreamEvent.Delta("one "), new AiStreamEvent.Delta("two"), new AiStreamEvent.Finished("test-provider", null, AiUsage.None, false)],
        };

        var readers = Enumerable.Range(0, 20).Select(_ => Task.Run(() => ReadAsync(cache, Key(), provider), Ct)).ToList();
        await WaitUntilAsync(() => stats.Read().Requests == 20);
        provider.Gate.SetResult();
        var results = await Task.WhenAll(readers);

        Assert.Equal(1, provider.Calls);
        Assert.All(results, r => Assert.Equal("one two", r.Text));
        Assert.Equal((19L, 1L), (stats.Read().SharedHits, stats.Read().Misses));
        Assert.Equal(0, cache.InFlight);
    }

    [Fact]
    public async Task AFailedStream_IsNotCached_AndTheNextAskTriesAgain()
    {
        var (cache, _) = NewCache();
        var cut = new ScriptedStream { Events = [new AiStreamEvent.Delta("half an expla")], FailWith = new HttpRequestException("connection dropped") };

        await Assert.ThrowsAsync<HttpRequestException>(() => ReadAsync(cache, Key(), cut));
        var retry = ScriptedStream.Finishing("complete");
        var read = await ReadAsync(cache, Key(), retry);

        Assert.Equal(1, retry.Calls);
        Assert.Equal("complete", read.Text);
        Assert.Equal(0, cache.InFlight);
    }

    [Fact]
    public async Task AStreamThatStopsWithoutFinishing_IsAFailure_AndNotCached()
    {
        var (cache, _) = NewCache();
        var partial = new ScriptedStream { Events = [new AiStreamEvent.Delta("no end")] };

        await Assert.ThrowsAsync<InvalidOperationException>(() => ReadAsync(cache, Key(), partial));
        await Assert.ThrowsAsync<InvalidOperationException>(() => ReadAsync(cache, Key(), partial));

        Assert.Equal(2, partial.Calls);
        await using var db = database.CreateDbContext();
        Assert.False(await db.ExplanationCache.AnyAsync(Ct));
    }

    [Fact]
    public async Task TheOfflineEnginesText_IsServedButNotCached()
    {
        var (cache, _) = NewCache();
        var offline = ScriptedStream.Finishing("【离线引擎】……", AiEngines.Offline);

        await ReadAsync(cache, Key(), offline);
        await ReadAsync(cache, Key(), offline);

        Assert.Equal(2, offline.Calls);
        Assert.Equal((0L, 2L), (Interlocked.Read(ref hits), Interlocked.Read(ref misses)));
    }

    [Fact]
    public async Task AfterARestart_OnlyTheTextOfTheEngineThatFinishedIsKept()
    {
        var (cache, _) = NewCache();
        var provider = new ScriptedStream
        {
            Events =
            [
                new AiStreamEvent.Delta("first provider's half"), new AiStreamEvent.Restart("second", "m2"),
                new AiStreamEvent.Delta("second provider's whole text"), new AiStreamEvent.Finished("second", "m2", AiUsage.None, false),
            ],
        };

        var read = await ReadAsync(cache, Key(), provider);
        var again = await ReadAsync(cache, Key(), provider);

        Assert.Equal("second provider's whole text", read.Text);
        Assert.Equal("second provider's whole text", again.Text);
        Assert.Equal("second", again.Finished!.Engine);
    }

    [Fact]
    public async Task WhenEveryAskerLeaves_TheGenerationIsCancelled_AndNothingIsKept()
    {
        var (cache, _) = NewCache();
        var provider = new ScriptedStream { Gate = new TaskCompletionSource(), Events = [new AiStreamEvent.Delta("never")] };
        using var leave = new CancellationTokenSource();

        var reader = ReadOrLeaveAsync(cache, Key(), provider, leave.Token);
        await WaitUntilAsync(() => provider.Calls == 1);
        await leave.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reader);
        await WaitUntilAsync(() => cache.InFlight == 0);
        var fresh = ScriptedStream.Finishing("asked again");
        Assert.Equal("asked again", (await ReadAsync(cache, Key(), fresh)).Text);
    }

    [Fact]
    public async Task AFirstAskerRefusedForTheirOwnLimit_DoesNotRefuseTheOthers()
    {
        var (cache, stats) = NewCache();
        var refused = new ScriptedStream { Gate = new TaskCompletionSource(), FailWith = new AiRefusedException("每分钟最多 10 次") };
        var own = ScriptedStream.Finishing("explained for the second student");

        var first = ReadAsync(cache, Key(), refused);
        await WaitUntilAsync(() => refused.Calls == 1);
        var second = ReadAsync(cache, Key(), own);
        await WaitUntilAsync(() => stats.Read().SharedHits == 1);
        refused.Gate.SetResult();

        var error = await Assert.ThrowsAsync<AiRefusedException>(() => first);
        Assert.Equal("每分钟最多 10 次", error.Message);
        Assert.Equal("explained for the second student", (await second).Text);
    }

    [Fact]
    public async Task WhenTheDatabaseRefusesTheRow_TheExplanationIsStillServed_AndKeptInMemory()
    {
        var (cache, _) = NewCache();
        var noSuchItem = Key() with { ItemId = 999_999 };
        var provider = ScriptedStream.Finishing("served anyway");

        Assert.Equal("served anyway", (await ReadAsync(cache, noSuchItem, provider)).Text);
        Assert.Equal("served anyway", (await ReadAsync(cache, noSuchItem, provider)).Text);
        Assert.Equal(1, provider.Calls);
    }

    private ExplanationKey Key() => ExplanationKey.Of(itemId, 1, 3, "B", ExplanationFollowUp.First, 1);

    private (ExplanationCache Cache, ExplanationCacheStats Stats) NewCache(long memoryCharacters = 100_000)
    {
        var memory = new ExplanationMemory(memoryCharacters);
        var stats = new ExplanationCacheStats(memory);
        return (new ExplanationCache(database, memory, stats, metrics, TimeProvider.System, NullLogger<ExplanationCache>.Instance), stats);
    }

    private static Task<(string Text, AiStreamEvent.Finished? Finished)> ReadAsync(ExplanationCache cache, ExplanationKey key, ScriptedStream provider) =>
        ReadOrLeaveAsync(cache, key, provider, Ct);

    private static async Task<(string Text, AiStreamEvent.Finished? Finished)> ReadOrLeaveAsync(ExplanationCache cache, ExplanationKey key, ScriptedStream provider,
        CancellationToken cancellationToken)
    {
        var text = new System.Text.StringBuilder();
        AiStreamEvent.Finished? finished = null;
        await foreach (var e in cache.StreamAsync(key, provider.Play, cancellationToken))
        {
            if (e is AiStreamEvent.Restart) text.Clear();
            if (e is AiStreamEvent.Delta d) text.Append(d.Text);
            if (e is AiStreamEvent.Finished f) finished = f;
        }
        return (text.ToString(), finished);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(10, Ct);
        Assert.True(condition(), "The condition was not met within 5 s.");
    }

    public async ValueTask DisposeAsync()
    {
        listener.Dispose();
        await meters.DisposeAsync();
        database.Dispose();
    }
}
