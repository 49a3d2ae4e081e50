using CET4Trainer.Core.Hosting;

namespace CET4Trainer.Core.Operations.Alerts;

// Notice that alert state or history changed (an evaluation, a rule edit, a webhook result). It carries
// nothing: pages reload what they show.
public sealed class AlertHub : EventHub<AlertHub.Changed>
{
    public readonly record struct Changed;

    public IDisposable Subscribe(Action handler) => Subscribe(_ => true, _ => handler());

    public void Publish() => Publish(default(Changed));
}
