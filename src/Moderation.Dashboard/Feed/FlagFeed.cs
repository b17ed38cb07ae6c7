using Microsoft.Extensions.Options;
using Moderation.Core.Contracts;
using Moderation.Dashboard.Configuration;

namespace Moderation.Dashboard.Feed;

/// <summary>
/// The dashboard's in-memory state: a ring of the latest <see cref="DashboardOptions.HistorySize"/> flagged posts with
/// consecutive ids, running counts, and a wake-up for the event streams waiting on new posts. Thread-safe: the flags
/// consumer thread adds, any number of HTTP requests read.
/// </summary>
public sealed class FlagFeed
{
    private readonly Lock _gate = new();
    private readonly FlagRing _ring;
    private readonly FlagCounters _counters = new();
    private readonly HashSet<PostKey> _inRing = [];
    private readonly TimeProvider _timeProvider;
    private long _latestId;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates an empty feed of <see cref="DashboardOptions.HistorySize"/> posts; ids start at the current
    /// Unix time in ms × 1000 (see <see cref="FlaggedPost.Id"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The history size is less than 1.</exception>
    public FlagFeed(IOptions<DashboardOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _ring = new FlagRing(options.Value.HistorySize);
        _latestId = timeProvider.GetUtcNow().ToUnixTimeMilliseconds() * 1_000;
    }

    /// <summary>Most posts kept (<see cref="DashboardOptions.HistorySize"/>).</summary>
    public int Capacity => _ring.Capacity;

    /// <summary>Id of the newest post; before the first post, the id preceding it.</summary>
    public long LatestId
    {
        get
        {
            lock (_gate)
            {
                return _latestId;
            }
        }
    }

    /// <summary>Adds a flagged verdict as the newest post, evicting the oldest past capacity, counts it and wakes the
    /// waiting streams. A verdict for a post (source topic, partition, offset, model version) still in the ring is a
    /// redelivery: it is counted as a duplicate and dropped.</summary>
    /// <returns>The post added, or null for a duplicate.</returns>
    public FlaggedPost? Add(Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var key = PostKey.Of(verdict);
        TaskCompletionSource changed;
        FlaggedPost post;
        lock (_gate)
        {
            if (_inRing.Contains(key))
            {
                _counters.CountDuplicate();
                return null;
            }

            post = new FlaggedPost(_latestId + 1, _timeProvider.GetUtcNow().ToUnixTimeMilliseconds(), verdict);
            if (_ring.Add(post) is { } evicted)
            {
                _inRing.Remove(PostKey.Of(evicted.Verdict));
            }

            _inRing.Add(key);
            _latestId = post.Id;
            _counters.Count(verdict);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.SetResult();
        return post;
    }

    /// <summary>Counts a record of the flags topic that was not a well-formed verdict.</summary>
    public void RecordMalformed()
    {
        lock (_gate)
        {
            _counters.CountMalformed();
        }
    }

    /// <summary>Counts and the newest <paramref name="limit"/> posts (clamped to 0..<see cref="Capacity"/>), newest first.</summary>
    public FlagFeedSnapshot Snapshot(int limit)
    {
        lock (_gate)
        {
            return new FlagFeedSnapshot(_latestId, _ring.Capacity, _counters.Snapshot(), _ring.Newest(limit));
        }
    }

    /// <summary>
    /// Where an event stream starts for a client that last saw <paramref name="lastEventId"/> (the <c>Last-Event-ID</c>
    /// header or the snapshot's <see cref="FlagFeedSnapshot.LatestId"/>): that id when the ring still follows on from it,
    /// otherwise (no id, an id evicted from the ring, an id this process never issued) the id preceding the ring's
    /// oldest post, which replays the whole ring.
    /// </summary>
    public long StartAfter(long? lastEventId)
    {
        lock (_gate)
        {
            var beforeRing = _latestId - _ring.Count;
            return lastEventId is { } id && id <= _latestId ? Math.Max(id, beforeRing) : beforeRing;
        }
    }

    /// <summary>Posts with an id greater than <paramref name="afterId"/>, oldest first, at most <paramref name="maxCount"/>;
    /// the whole ring when <paramref name="afterId"/> is older than the ring (posts in between were evicted).</summary>
    public IReadOnlyList<FlaggedPost> ReadAfter(long afterId, int maxCount)
    {
        lock (_gate)
        {
            return _ring.After(afterId, maxCount);
        }
    }

    /// <summary>Waits until a post newer than <paramref name="afterId"/> exists.</summary>
    /// <param name="afterId">The id the caller has seen.</param>
    /// <param name="timeout">Longest wait (measured with the feed's <see cref="TimeProvider"/>).</param>
    /// <param name="cancellationToken">Ends the wait.</param>
    /// <returns>True when a newer post exists; false on timeout.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<bool> WaitForNewerAsync(long afterId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task changed;
        lock (_gate)
        {
            if (_latestId > afterId)
            {
                return true;
            }

            changed = _changed.Task;
        }

        try
        {
            await changed.WaitAsync(timeout, _timeProvider, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private readonly record struct PostKey(string Topic, int Partition, long Offset, string ModelVersion)
    {
        public static PostKey Of(Verdict v) => new(v.SourceTopic, v.SourcePartition, v.SourceOffset, v.ModelVersion);
    }
}
