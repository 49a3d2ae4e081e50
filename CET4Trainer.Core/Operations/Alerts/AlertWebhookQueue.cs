using System.Threading.Channels;
using CET4Trainer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Core.Operations.Alerts;

// Alert events waiting to be posted. Bounded: when the webhook has been down long enough to fill it,
// further events are marked failed at once instead of piling up in memory.
public sealed class AlertWebhookQueue(IOptions<AlertOptions> options, IDbContextFactory<AppDbContext> dbs, TimeProvider clock)
{
    public const int Capacity = 200;
    public const string QueueFullError = "发送队列已满，未发送。";

    private readonly Channel<long> channel = Channel.CreateBounded<long>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    public bool Configured => options.Value.Webhook is not null;

    public ChannelReader<long> Reader => channel.Reader;

    public async Task EnqueueAsync(long eventId, CancellationToken cancellationToken)
    {
        if (channel.Writer.TryWrite(eventId)) return;
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.AlertEvents.Where(e => e.Id == eventId).ExecuteUpdateAsync(set => set
            .SetProperty(e => e.Webhook, WebhookDelivery.Failed)
            .SetProperty(e => e.WebhookError, QueueFullError)
            .SetProperty(e => e.WebhookAtUtc, now), cancellationToken);
    }
}
