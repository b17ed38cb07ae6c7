using Moderation.Scoring.Discriminator;

namespace Moderation.Scoring.Tests.Discriminator;

/// <summary>A model load that outlives its timeout must not leak: the scorer it builds later is disposed.</summary>
public sealed class DisposingWaitTests
{
    [Fact]
    public async Task AResultArrivingAfterTheTimeoutIsDisposed()
    {
        using var release = new ManualResetEventSlim();
        var late = new Probe();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DisposingWait.RunAsync(() => { release.Wait(); return late; }, cts.Token));
        Assert.False(late.Disposed.Task.IsCompleted);
        release.Set();
        Assert.True(await late.Disposed.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task AResultInTimeIsReturnedAndNotDisposed()
    {
        var probe = new Probe();
        Assert.Same(probe, await DisposingWait.RunAsync(() => probe, CancellationToken.None));
        await Task.Delay(50);
        Assert.False(probe.Disposed.Task.IsCompleted);
    }

    private sealed class Probe : IDisposable
    {
        public TaskCompletionSource<bool> Disposed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Dispose() => Disposed.TrySetResult(true);
    }
}
