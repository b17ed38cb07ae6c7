namespace Moderation.Streaming.Tests.Support;

/// <summary>Polls a condition on the system under test until it holds or a bound passes (no assertion on timing).</summary>
internal static class Eventually
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    /// <summary>Returns the first value satisfying <paramref name="done"/>, or the last value read when <paramref name="bound"/> passed.</summary>
    public static async Task<T> ReadAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan bound)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var value = await read();
            if (done(value) || TimeProvider.System.GetElapsedTime(started) >= bound)
            {
                return value;
            }

            await Task.Delay(Poll);
        }
    }

    public static Task<T> ReadAsync<T>(Func<T> read, Func<T, bool> done, TimeSpan bound) =>
        ReadAsync(() => Task.FromResult(read()), done, bound);
}
