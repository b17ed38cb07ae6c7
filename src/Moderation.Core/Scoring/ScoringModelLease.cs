namespace Moderation.Core.Scoring;

/// <summary>A reference to a <see cref="ScoringModel"/> held while one batch is scored with it; dispose it when the
/// scorer call returned. Disposing twice releases once.</summary>
public sealed class ScoringModelLease : IDisposable
{
    private ScoringModel? _model;

    internal ScoringModelLease(ScoringModel model) => _model = model;

    /// <summary>The model, valid until the lease is disposed.</summary>
    /// <exception cref="ObjectDisposedException">The lease was disposed.</exception>
    public ScoringModel Model => _model ?? throw new ObjectDisposedException(nameof(ScoringModelLease));

    /// <inheritdoc />
    public void Dispose() => Interlocked.Exchange(ref _model, null)?.Release();
}
