namespace Moderation.Streaming.Worker;

/// <summary>
/// A dedicated thread that runs one job at a time: the worker scores batch k+1 with ONNX Runtime here while its consume
/// thread produces batch k's outputs and decodes batch k+2. A dedicated thread (not the thread pool) so that scoring never
/// queues behind decode work or delivery-report continuations.
/// </summary>
internal sealed class ScoringThread : IDisposable
{
    private readonly Thread _thread;
    private readonly SemaphoreSlim _submitted = new(0);
    private Action? _job;
    private TaskCompletionSource? _completion;
    private volatile bool _stopping;

    /// <summary>Starts the thread (a background thread named <paramref name="name"/>).</summary>
    public ScoringThread(string name)
    {
        _thread = new Thread(Loop) { Name = name, IsBackground = true };
        _thread.Start();
    }

    /// <summary>True while a job submitted with <see cref="Run"/> has not completed.</summary>
    public bool Busy => _completion is { Task.IsCompleted: false };

    /// <summary>Runs <paramref name="job"/> on the thread.</summary>
    /// <returns>Completes when the job returned, faulted with what it threw.</returns>
    /// <exception cref="InvalidOperationException">The previous job has not completed.</exception>
    /// <exception cref="ObjectDisposedException">The thread was disposed.</exception>
    public Task Run(Action job)
    {
        ObjectDisposedException.ThrowIf(_stopping, this);
        if (Busy)
        {
            throw new InvalidOperationException("The scoring thread runs one job at a time.");
        }

        // Task.Wait on the returned task is woken synchronously; other continuations run off this thread.
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _job = job;
        _completion = completion;
        _submitted.Release();
        return completion.Task;
    }

    /// <summary>Lets the running job (if any) finish, then ends the thread.</summary>
    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        _submitted.Release();
        _thread.Join();
        _submitted.Dispose();
    }

    private void Loop()
    {
        while (true)
        {
            _submitted.Wait();
            if (_job is not { } job)
            {
                return; // woken by Dispose
            }

            var completion = _completion!;
            _job = null;
            try
            {
                job();
                completion.SetResult();
            }
            catch (Exception e)
            {
                completion.SetException(e);
            }
        }
    }
}
