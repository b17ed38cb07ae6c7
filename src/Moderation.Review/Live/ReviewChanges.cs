namespace Moderation.Review.Live;

/// <summary>Wakes whoever waits for the store to change (event streams, the decision publisher) when this process
/// wrote to it; changes written by another instance are found by polling (<c>Review:PollIntervalMs</c>).</summary>
internal sealed class ReviewChanges
{
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Signals a change to every current waiter.</summary>
    public void Notify() => Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Waits for the next <see cref="Notify"/> or <paramref name="timeout"/>, whichever comes first.</summary>
    /// <returns>True when notified.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        try
        {
            await Volatile.Read(ref _changed).Task.WaitAsync(timeout, timeProvider, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
