namespace Moderation.Review.Tests.Support;

/// <summary>A clock whose wall time is fixed (timers and timestamps stay the system's).</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
