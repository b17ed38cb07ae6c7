using Moderation.Core.Scoring;

namespace Moderation.Core.Tests.Scoring;

/// <summary>Reference counting of swapped models: a scorer is disposed exactly once, after its last lease.</summary>
public sealed class ScoringModelSlotTests
{
    [Fact]
    public void A_swapped_out_scorer_lives_until_its_last_lease_is_returned()
    {
        var (a, b) = (new CountingScorer(), new CountingScorer());
        using var slot = new ScoringModelSlot(new ScoringModel(a, "a@1", []));
        var lease = slot.Acquire();
        var old = slot.Swap(new ScoringModel(b, "b@2", []));

        Assert.Equal("a@1", old.Version);
        Assert.Equal("b@2", slot.Current.Version);
        Assert.Equal(0, a.Disposals); // the batch holding the lease still scores with it
        Assert.Same(a, lease.Model.Scorer);
        using (var next = slot.Acquire()) Assert.Same(b, next.Model.Scorer);
        Assert.Equal(0, b.Disposals);
        lease.Dispose();
        lease.Dispose(); // the second dispose releases nothing
        Assert.Equal(1, a.Disposals);
        Assert.True(old.Released);
        Assert.Throws<ObjectDisposedException>(() => lease.Model);
    }

    [Fact]
    public void Disposing_the_slot_disposes_an_owned_current_scorer_but_never_a_borrowed_one()
    {
        var (owned, borrowed) = (new CountingScorer(), new CountingScorer());
        new ScoringModelSlot(new ScoringModel(owned, "a@1", [])).Dispose();
        var slot = new ScoringModelSlot(new ScoringModel(borrowed, "b@2", [], ownsScorer: false));
        slot.Dispose();
        slot.Dispose();
        Assert.Equal((1, 0), (owned.Disposals, borrowed.Disposals));
        Assert.Throws<ObjectDisposedException>(() => slot.Acquire());
    }

    [Fact]
    public async Task Leases_taken_while_another_thread_swaps_always_get_an_undisposed_scorer()
    {
        var scorers = new List<CountingScorer>();
        var first = new CountingScorer();
        scorers.Add(first);
        using var slot = new ScoringModelSlot(new ScoringModel(first, "v0", []));
        using var stop = new CancellationTokenSource();
        var leaseErrors = 0;
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var lease = slot.Acquire();
                if (((CountingScorer)lease.Model.Scorer).Disposals != 0) Interlocked.Increment(ref leaseErrors);
            }
        })).ToArray();
        for (var i = 1; i <= 2_000; i++)
        {
            var next = new CountingScorer();
            scorers.Add(next);
            slot.Swap(new ScoringModel(next, $"v{i}", []));
        }

        stop.Cancel();
        await Task.WhenAll(readers);
        Assert.Equal(0, leaseErrors);
        Assert.All(scorers[..^1], s => Assert.Equal(1, s.Disposals));
        Assert.Equal(0, scorers[^1].Disposals);
    }

    private sealed class CountingScorer : IBatchScorer
    {
        private int _disposals;

        public int Disposals => Volatile.Read(ref _disposals);

        public IReadOnlyList<string> ScoreNames { get; } = ["abnormal"];

        public IReadOnlyList<int> ImageShape { get; } = [1, 28, 28];

        public float[] Score(ReadOnlySpan<float> images, int count) => new float[count];

        public void Dispose() => Interlocked.Increment(ref _disposals);
    }
}
