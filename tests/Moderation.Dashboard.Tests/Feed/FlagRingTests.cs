using Moderation.Dashboard.Feed;
using Moderation.Dashboard.Tests.Support;

namespace Moderation.Dashboard.Tests.Feed;

public sealed class FlagRingTests
{
    private static FlaggedPost Post(long id) => new(id, 0, Verdicts.Flag($"post-{id}", id));

    private static FlagRing Filled(int capacity, long firstId, int count)
    {
        var ring = new FlagRing(capacity);
        for (var i = 0; i < count; i++)
        {
            ring.Add(Post(firstId + i));
        }

        return ring;
    }

    [Fact]
    public void Keeps_the_latest_capacity_posts_and_returns_each_evicted_one()
    {
        var ring = Filled(3, 10, 3);
        Assert.Null(Filled(3, 10, 2).Add(Post(12)));

        Assert.Equal(10, ring.Add(Post(13))!.Id);
        Assert.Equal(11, ring.Add(Post(14))!.Id);

        Assert.Equal(3, ring.Count);
        Assert.Equal(14, ring.NewestId);
        Assert.Equal([14L, 13, 12], ring.Newest(10).Select(p => p.Id));
    }

    [Fact]
    public void Newest_is_newest_first_and_clamped()
    {
        var ring = Filled(5, 1, 7); // holds 3..7

        Assert.Equal([7L, 6], ring.Newest(2).Select(p => p.Id));
        Assert.Equal([7L, 6, 5, 4, 3], ring.Newest(int.MaxValue).Select(p => p.Id));
        Assert.Empty(ring.Newest(0));
        Assert.Empty(ring.Newest(-4));
        Assert.Empty(new FlagRing(4).Newest(4));
    }

    [Fact]
    public void After_returns_the_posts_following_an_id_oldest_first()
    {
        var ring = Filled(5, 1, 7); // holds 3..7

        Assert.Equal([5L, 6, 7], ring.After(4, 100).Select(p => p.Id));
        Assert.Equal([5L, 6], ring.After(4, 2).Select(p => p.Id));
        Assert.Equal([3L, 4, 5, 6, 7], ring.After(2, 100).Select(p => p.Id));
        Assert.Empty(ring.After(7, 100));
        Assert.Empty(ring.After(1_000, 100));
        Assert.Empty(ring.After(4, 0));
    }

    [Fact]
    public void After_an_evicted_id_replays_the_whole_ring()
    {
        var ring = Filled(5, 1, 12); // holds 8..12

        Assert.Equal([8L, 9, 10, 11, 12], ring.After(1, 100).Select(p => p.Id));
        Assert.Equal([8L, 9, 10, 11, 12], ring.After(long.MinValue, 100).Select(p => p.Id));
    }

    [Fact]
    public void Rejects_an_id_that_does_not_follow_the_newest()
    {
        var ring = Filled(3, 1, 2);

        Assert.Throws<ArgumentException>(() => ring.Add(Post(4)));
        Assert.Throws<ArgumentException>(() => ring.Add(Post(2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FlagRing(0));
    }
}
