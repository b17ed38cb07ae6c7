namespace Moderation.Streaming.Worker;

/// <summary>The first fatal failure reported by any of the worker's parts (librdkafka threads included).</summary>
/// <param name="onFirst">Called (on the reporting thread) with the first failure only.</param>
internal sealed class FailureSignal(Action<Exception>? onFirst = null)
{
    private Exception? _failure;

    /// <summary>The first failure reported, or null.</summary>
    public Exception? Failure => Volatile.Read(ref _failure);

    /// <summary>Records <paramref name="failure"/> unless another one came first.</summary>
    public void Report(Exception failure)
    {
        if (Interlocked.CompareExchange(ref _failure, failure, null) is null)
        {
            onFirst?.Invoke(failure);
        }
    }
}
