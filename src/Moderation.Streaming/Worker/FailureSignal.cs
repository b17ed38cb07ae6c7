namespace Moderation.Streaming.Worker;

/// <summary>The first fatal failure reported by any of the worker's parts (librdkafka threads included).</summary>
internal sealed class FailureSignal
{
    private Exception? _failure;

    /// <summary>The first failure reported, or null.</summary>
    public Exception? Failure => Volatile.Read(ref _failure);

    /// <summary>Records <paramref name="failure"/> unless another one came first.</summary>
    public void Report(Exception failure) => Interlocked.CompareExchange(ref _failure, failure, null);
}
