using Moderation.Core.Models;

namespace Moderation.Core.Scoring;

/// <summary>
/// One loaded model version as the service scores with it: the scorer, the version written into verdicts, and the
/// thresholds. Reference-counted so that a hot swap never disposes a scorer a batch is still using: the
/// <see cref="ScoringModelSlot"/> holds one reference while the model is current, each <see cref="ScoringModelLease"/>
/// one more; the scorer is disposed when the last is released (only when <c>ownsScorer</c>).
/// </summary>
public sealed class ScoringModel
{
    private readonly bool _ownsScorer;
    private int _references = 1;

    /// <summary>Wraps a loaded scorer; the caller's reference is the one the slot holds.</summary>
    /// <param name="scorer">The scorer.</param>
    /// <param name="version">Model version written into verdicts (e.g. <c>fashion-trouser@3f2a9c0d1e2b</c>).</param>
    /// <param name="thresholds">The model card's thresholds; each reason must be one of the scorer's score names.</param>
    /// <param name="ownsScorer">Dispose <paramref name="scorer"/> when the last reference is released (false when
    /// someone else, e.g. the DI container, disposes it).</param>
    public ScoringModel(IBatchScorer scorer, string version, IReadOnlyList<ScoreThreshold> thresholds, bool ownsScorer = true)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentNullException.ThrowIfNull(thresholds);
        Scorer = scorer;
        Version = version;
        Thresholds = thresholds;
        ScoreNames = [.. scorer.ScoreNames];
        _ownsScorer = ownsScorer;
    }

    /// <summary>The scorer; use it only while holding a lease.</summary>
    public IBatchScorer Scorer { get; }

    /// <summary>Model version written into every verdict it scores.</summary>
    public string Version { get; }

    /// <summary>One threshold per score to flag on.</summary>
    public IReadOnlyList<ScoreThreshold> Thresholds { get; }

    /// <summary>The scorer's score names (copied: readable after the scorer is disposed).</summary>
    public IReadOnlyList<string> ScoreNames { get; }

    /// <summary>True once every reference was released (the scorer is then disposed if owned).</summary>
    public bool Released => Volatile.Read(ref _references) == 0;

    /// <summary>Adds a reference unless the model was already released.</summary>
    internal bool TryAddReference()
    {
        while (true)
        {
            var count = Volatile.Read(ref _references);
            if (count == 0) return false;
            if (Interlocked.CompareExchange(ref _references, count + 1, count) == count) return true;
        }
    }

    /// <summary>Drops a reference; the last one disposes an owned scorer.</summary>
    internal void Release()
    {
        var left = Interlocked.Decrement(ref _references);
        if (left < 0) throw new InvalidOperationException($"model {Version} released more often than referenced");
        if (left == 0 && _ownsScorer) Scorer.Dispose();
    }
}
