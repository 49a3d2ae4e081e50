using Microsoft.Extensions.Options;

namespace CET4Trainer.Tests.Operations;

// Settings a test chooses, read the way services read them.
public sealed class FixedOptions<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
