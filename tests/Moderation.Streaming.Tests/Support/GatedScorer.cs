using Moderation.Core.Scoring;

namespace Moderation.Streaming.Tests.Support;

/// <summary>
/// A <see cref="MeanScorer"/> whose calls after the first <paramref name="freeCalls"/> wait at a gate until
/// <see cref="Open"/>: the test holds a batch inside the scorer, acts on the worker or the broker meanwhile, then lets it go.
/// </summary>
internal sealed class GatedScorer(int freeCalls = 0) : IBatchScorer
{
    private readonly MeanScorer _inner = new();
    private readonly ManualResetEventSlim _gate = new();
    private readonly TaskCompletionSource<int> _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the image count of the first gated call once it is waiting at the gate.</summary>
    public Task<int> Entered => _entered.Task;

    public int Calls => _inner.Calls;

    public int ImagesScored => _inner.ImagesScored;

    public IReadOnlyList<string> ScoreNames => _inner.ScoreNames;

    public IReadOnlyList<int> ImageShape => _inner.ImageShape;

    public void Open() => _gate.Set();

    public float[] Score(ReadOnlySpan<float> images, int count)
    {
        if (_inner.Calls >= freeCalls)
        {
            _entered.TrySetResult(count);
            _gate.Wait(TimeSpan.FromSeconds(30));
        }

        return _inner.Score(images, count);
    }

    public void Dispose() => _gate.Dispose();
}
