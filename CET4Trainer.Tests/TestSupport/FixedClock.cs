namespace CET4Trainer.Tests.TestSupport;

// A clock that says what the test tells it.
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
