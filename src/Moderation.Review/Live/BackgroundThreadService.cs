using Microsoft.Extensions.Hosting;

namespace Moderation.Review.Live;

/// <summary>A hosted service whose work runs on a dedicated background thread (Confluent.Kafka's consume call blocks);
/// stopping cancels the token passed to <see cref="Run"/> and waits for it to return.</summary>
internal abstract class BackgroundThreadService(string threadName) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Thread? _thread;

    /// <summary>The work; must return soon after <paramref name="stopping"/> is cancelled and must not throw.</summary>
    protected abstract void Run(CancellationToken stopping);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _thread = new Thread(() =>
        {
            try
            {
                Run(_stopping.Token);
            }
            finally
            {
                _stopped.TrySetResult();
            }
        })
        { IsBackground = true, Name = threadName };
        _thread.Start();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_thread is null)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _stopped.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        if (_thread is null || _stopped.Task.IsCompleted)
        {
            _stopping.Dispose();
        }
    }
}
