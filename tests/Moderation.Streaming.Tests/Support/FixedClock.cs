namespace Moderation.Streaming.Tests.Support;

/// <summary>A clock standing at <see cref="Now"/> (timers and timestamps still come from the system).</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
