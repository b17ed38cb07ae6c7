namespace Moderation.Dashboard.Feed;

/// <summary>
/// Fixed-capacity circular buffer of the latest flagged posts, whose ids are consecutive (oldest id = newest id −
/// count + 1), so a position is found by arithmetic. Not thread-safe: <see cref="FlagFeed"/> locks around it.
/// </summary>
internal sealed class FlagRing
{
    private readonly FlaggedPost[] _items;
    private int _head; // index of the oldest post
    private int _count;

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1.</exception>
    public FlagRing(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _items = new FlaggedPost[capacity];
    }

    public int Capacity => _items.Length;

    public int Count => _count;

    /// <summary>Id of the newest post, or null when empty.</summary>
    public long? NewestId => _count == 0 ? null : At(_count - 1).Id;

    /// <summary>Appends <paramref name="post"/>, evicting the oldest when full.</summary>
    /// <returns>The evicted post, or null.</returns>
    /// <exception cref="ArgumentException">The ring is not empty and the id does not follow the newest one.</exception>
    public FlaggedPost? Add(FlaggedPost post)
    {
        if (_count > 0 && post.Id != At(_count - 1).Id + 1)
        {
            throw new ArgumentException($"Id {post.Id} does not follow {At(_count - 1).Id}.", nameof(post));
        }

        if (_count < _items.Length)
        {
            _items[(_head + _count++) % _items.Length] = post;
            return null;
        }

        var evicted = _items[_head];
        _items[_head] = post;
        _head = (_head + 1) % _items.Length;
        return evicted;
    }

    /// <summary>The newest <paramref name="limit"/> posts (or fewer), newest first.</summary>
    public List<FlaggedPost> Newest(int limit)
    {
        var take = Math.Clamp(limit, 0, _count);
        var result = new List<FlaggedPost>(take);
        for (var i = 0; i < take; i++)
        {
            result.Add(At(_count - 1 - i));
        }

        return result;
    }

    /// <summary>Posts with an id greater than <paramref name="afterId"/>, oldest first, at most <paramref name="maxCount"/>;
    /// every post when <paramref name="afterId"/> is older than the ring.</summary>
    public List<FlaggedPost> After(long afterId, int maxCount)
    {
        if (_count == 0)
        {
            return [];
        }

        var oldestId = At(0).Id;
        var first = afterId < oldestId ? 0 : (int)Math.Min(afterId - oldestId + 1, _count);
        var take = Math.Clamp(_count - first, 0, Math.Max(maxCount, 0));
        var result = new List<FlaggedPost>(take);
        for (var i = 0; i < take; i++)
        {
            result.Add(At(first + i));
        }

        return result;
    }

    private FlaggedPost At(int position) => _items[(_head + position) % _items.Length];
}
