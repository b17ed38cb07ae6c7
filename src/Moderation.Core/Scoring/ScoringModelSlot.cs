namespace Moderation.Core.Scoring;

/// <summary>
/// The current <see cref="ScoringModel"/>, swappable while batches are scored: <see cref="Swap"/> makes new leases get
/// the new model at once and releases the slot's reference to the old one, whose scorer is disposed when the last
/// lease on it (a batch still scoring) is disposed. Thread-safe; lock-free.
/// </summary>
public sealed class ScoringModelSlot : IScoringModelSource, IDisposable
{
    private ScoringModel _current;
    private int _disposed;

    /// <summary>Starts with <paramref name="initial"/> (the slot takes over the reference it was created with).</summary>
    public ScoringModelSlot(ScoringModel initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _current = initial;
    }

    /// <inheritdoc />
    public ScoringModel Current => Volatile.Read(ref _current);

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The slot was disposed.</exception>
    public ScoringModelLease Acquire()
    {
        while (true)
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            var model = Current;
            if (model.TryAddReference()) return new ScoringModelLease(model);
            // released between the read and the reference: a swap happened, read the new one
        }
    }

    /// <summary>Makes <paramref name="next"/> current (taking over its reference) and releases the old one.</summary>
    /// <returns>The model replaced.</returns>
    /// <exception cref="ObjectDisposedException">The slot was disposed.</exception>
    public ScoringModel Swap(ScoringModel next)
    {
        ArgumentNullException.ThrowIfNull(next);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var old = Interlocked.Exchange(ref _current, next);
        old.Release();
        return old;
    }

    /// <summary>Releases the current model's slot reference.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) Current.Release();
    }
}
