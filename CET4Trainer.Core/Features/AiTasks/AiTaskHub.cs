using CET4Trainer.Core.Hosting;

namespace CET4Trainer.Core.Features.AiTasks;

// Task changes for pages and metrics: every progress step, retry and final state of every task.
public sealed class AiTaskHub : EventHub<AiTaskSnapshot>
{
    public IDisposable SubscribeTask(Guid taskId, Action<AiTaskSnapshot> handler) => Subscribe(s => s.Id == taskId, handler);

    public IDisposable SubscribeOwner(string ownerId, Action<AiTaskSnapshot> handler) => Subscribe(s => s.OwnerId == ownerId, handler);
}
