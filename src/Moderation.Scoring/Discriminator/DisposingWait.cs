namespace Moderation.Scoring.Discriminator;

/// <summary>Waits for a blocking constructor that takes no cancellation token (ONNX Runtime's session creation) until a
/// token fires; an abandoned result is disposed when it arrives, so a timed-out load leaks neither the native session
/// nor its memory.</summary>
internal static class DisposingWait
{
    /// <summary>Runs <paramref name="create"/> on the thread pool and waits for it or <paramref name="cancellationToken"/>.</summary>
    /// <exception cref="OperationCanceledException">The token fired first; the result, if any, is disposed later.</exception>
    public static async Task<T> RunAsync<T>(Func<T> create, CancellationToken cancellationToken) where T : IDisposable
    {
        var work = Task.Run(create, CancellationToken.None);
        try
        {
            return await work.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!work.IsCompleted)
        {
            _ = work.ContinueWith(static t => t.Result.Dispose(), CancellationToken.None,
                TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            throw;
        }
    }
}
