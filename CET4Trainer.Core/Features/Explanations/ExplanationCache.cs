using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading.Channels;
using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CET4Trainer.Core.Features.Explanations;

// Explanations are asked for again and again (every student who picks B on question 3), so each is
// generated once: memory first, then the database, then one generation per key however many ask at
// once, whose tokens reach every asker as they arrive. Only complete texts from a provider are kept:
// failures, cut streams and the offline engine's texts (cheap, and they would hide a provider's once
// it is back) are not. See docs/decisions/0018-explanations-and-feynman.md.
public sealed partial class ExplanationCache(
    IDbContextFactory<AppDbContext> contexts, ExplanationMemory memory, ExplanationCacheStats stats, AiMetrics metrics, TimeProvider clock,
    ILogger<ExplanationCache> log)
{
    // Longer texts are served but kept in memory only (the column's size).
    public const int MaxStoredLength = 8000;

    private readonly object gate = new();
    private readonly Dictionary<ExplanationKey, Flight> flights = [];

    public int InFlight
    {
        get { lock (gate) return flights.Count; }
    }

    // `produce` is called at most once per key at a time, by the first asker, with a token that is
    // cancelled only when every asker has gone.
    public async IAsyncEnumerable<AiStreamEvent> StreamAsync(ExplanationKey key, Func<CancellationToken, IAsyncEnumerable<AiStreamEvent>> produce,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!key.IsCacheable)
        {
            Served(ExplanationSource.Generated);
            await foreach (var e in produce(cancellationToken).WithCancellation(cancellationToken)) yield return e;
            yield break;
        }
        for (var attempt = 1; ; attempt++)
        {
            if (memory.TryGet(key, out var cached))
            {
                Served(ExplanationSource.Memory);
                yield return new AiStreamEvent.Delta(cached.Text);
                yield return new AiStreamEvent.Finished(cached.Engine, cached.Model, AiUsage.None, FromCache: true);
                yield break;
            }
            var (flight, reader, first) = Join(key, produce);
            var received = false;
            Exception? failure = null;
            try
            {
                while (true)
                {
                    var (next, error) = await NextAsync(reader, cancellationToken);
                    if (error is not null) failure = error;
                    if (next is null) break;
                    received |= next is AiStreamEvent.Delta;
                    yield return next;
                }
            }
            finally
            {
                Leave(key, flight, reader);
            }
            if (failure is null) yield break;
            // The first asker was refused for their own rate limit or budget: the others ask for themselves.
            if (!first && !received && failure is AiRefusedException && attempt < 3) continue;
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    private (Flight Flight, ChannelReader<AiStreamEvent> Reader, bool First) Join(ExplanationKey key, Func<CancellationToken, IAsyncEnumerable<AiStreamEvent>> produce)
    {
        Flight flight;
        ChannelReader<AiStreamEvent> reader;
        bool first;
        lock (gate)
        {
            first = !flights.TryGetValue(key, out flight!);
            if (first) flights[key] = flight = new Flight();
            reader = flight.Subscribe();
        }
        if (first) _ = Task.Run(() => FlyAsync(key, flight, produce));
        else Served(ExplanationSource.Shared);
        return (flight, reader, first);
    }

    private void Leave(ExplanationKey key, Flight flight, ChannelReader<AiStreamEvent> reader)
    {
        bool abandon;
        lock (gate)
        {
            abandon = flight.Unsubscribe(reader);
            if (abandon && flights.TryGetValue(key, out var current) && ReferenceEquals(current, flight)) flights.Remove(key);
        }
        // Nobody is waiting any more: stop paying for the generation.
        if (abandon) flight.Stop.Cancel();
    }

    private async Task FlyAsync(ExplanationKey key, Flight flight, Func<CancellationToken, IAsyncEnumerable<AiStreamEvent>> produce)
    {
        Exception? failure = null;
        try
        {
            var token = flight.Stop.Token;
            if (await FindAsync(key, token) is { } stored)
            {
                memory.Put(key, stored);
                Served(ExplanationSource.Stored);
                flight.Publish(new AiStreamEvent.Delta(stored.Text));
                flight.Publish(new AiStreamEvent.Finished(stored.Engine, stored.Model, AiUsage.None, FromCache: true));
                return;
            }
            Served(ExplanationSource.Generated);
            var text = new StringBuilder();
            AiStreamEvent.Finished? finished = null;
            await foreach (var e in produce(token).WithCancellation(token))
            {
                switch (e)
                {
                    case AiStreamEvent.Restart: text.Clear(); break;
                    case AiStreamEvent.Delta delta: text.Append(delta.Text); break;
                    case AiStreamEvent.Finished f: finished = f; continue;
                }
                flight.Publish(e);
            }
            if (finished is null) throw new InvalidOperationException("The explanation stream ended before it finished.");
            if (!finished.FromCache && finished.Engine != AiEngines.Offline && text.Length > 0)
            {
                var value = new CachedExplanation(text.ToString(), finished.Engine, finished.Model);
                memory.Put(key, value);
                await StoreAsync(key, value);
            }
            flight.Publish(finished);
        }
        catch (Exception ex)
        {
            failure = ex;
        }
        finally
        {
            lock (gate)
            {
                if (flights.TryGetValue(key, out var current) && ReferenceEquals(current, flight)) flights.Remove(key);
            }
            flight.End(failure);
        }
    }

    private async Task<CachedExplanation?> FindAsync(ExplanationKey key, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            return await Matching(db, key).Select(e => new CachedExplanation(e.Text, e.Engine, e.Model)).FirstOrDefaultAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The cache is an optimisation: without the database the explanation is generated.
            LogLookupFailed(ex, key.ItemId);
            return null;
        }
    }

    private async Task StoreAsync(ExplanationKey key, CachedExplanation value)
    {
        if (value.Text.Length > MaxStoredLength) return;
        try
        {
            // A finished explanation is kept even if its asker has just left.
            await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
            db.ExplanationCache.Add(new ExplanationCacheEntry
            {
                ItemId = key.ItemId, ItemVersion = key.ItemVersion, QuestionNumber = key.QuestionNumber, Chosen = key.Chosen, FollowUp = key.FollowUp,
                PromptVersion = key.PromptVersion, Text = value.Text, Engine = value.Engine, Model = value.Model, CreatedUtc = clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(CancellationToken.None);
            // Explanations of earlier versions of the item (or of an older prompt) can never be asked for again.
            await db.ExplanationCache.Where(e => e.ItemId == key.ItemId && (e.ItemVersion < key.ItemVersion || e.PromptVersion < key.PromptVersion))
                .ExecuteDeleteAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Usually another node stored the same key first (the unique index); anything else is logged.
            if (!await StoredAsync(key)) LogStoreFailed(ex, key.ItemId);
        }
    }

    private async Task<bool> StoredAsync(ExplanationKey key)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
            return await Matching(db, key).AnyAsync(CancellationToken.None);
        }
        catch (Exception)
        {
            return false;
        }
    }

    private static IQueryable<ExplanationCacheEntry> Matching(AppDbContext db, ExplanationKey key) =>
        db.ExplanationCache.AsNoTracking().Where(e => e.ItemId == key.ItemId && e.ItemVersion == key.ItemVersion && e.QuestionNumber == key.QuestionNumber
            && e.Chosen == key.Chosen && e.FollowUp == key.FollowUp && e.PromptVersion == key.PromptVersion);

    private void Served(ExplanationSource source)
    {
        stats.Count(source);
        metrics.ExplanationCache(hit: source != ExplanationSource.Generated);
    }

    private static async Task<(AiStreamEvent? Next, Exception? Error)> NextAsync(ChannelReader<AiStreamEvent> reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.WaitToReadAsync(cancellationToken) && reader.TryRead(out var next) ? (next, null) : (null, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ChannelClosedException closed) when (closed.InnerException is not null)
        {
            return (null, closed.InnerException);
        }
        catch (Exception ex)
        {
            return (null, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Explanation cache lookup for item {ItemId} failed; generating instead")]
    private partial void LogLookupFailed(Exception exception, int itemId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store an explanation of item {ItemId}")]
    private partial void LogStoreFailed(Exception exception, int itemId);

    // One generation and everyone waiting for it. Events are kept so a late asker starts from the beginning.
    private sealed class Flight
    {
        private readonly List<AiStreamEvent> log = [];
        private readonly List<Channel<AiStreamEvent>> readers = [];

        public CancellationTokenSource Stop { get; } = new();

        private bool ended;

        public ChannelReader<AiStreamEvent> Subscribe()
        {
            var channel = Channel.CreateUnbounded<AiStreamEvent>(new UnboundedChannelOptions { SingleReader = true });
            lock (readers)
            {
                foreach (var e in log) channel.Writer.TryWrite(e);
                readers.Add(channel);
            }
            return channel.Reader;
        }

        // True when this was the last reader and the generation is still running.
        public bool Unsubscribe(ChannelReader<AiStreamEvent> reader)
        {
            lock (readers)
            {
                readers.RemoveAll(c => c.Reader == reader);
                return readers.Count == 0 && !ended;
            }
        }

        public void Publish(AiStreamEvent e)
        {
            lock (readers)
            {
                // After a restart the text so far is void; a late asker need not see it.
                if (e is AiStreamEvent.Restart) log.Clear();
                log.Add(e);
                foreach (var channel in readers) channel.Writer.TryWrite(e);
            }
        }

        public void End(Exception? failure)
        {
            lock (readers)
            {
                ended = true;
                foreach (var channel in readers) channel.Writer.TryComplete(failure);
            }
        }
    }
}
