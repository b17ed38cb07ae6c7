using Moderation.Core.Contracts;

namespace Moderation.Dashboard.Feed;

/// <summary>Running counts behind <see cref="FlagCounts"/>. Not thread-safe: <see cref="FlagFeed"/> locks around it.</summary>
/// <remarks>Reasons and source headers are free text (the source header is set by whoever posts), so each map holds
/// at most <see cref="MaxDistinctKeys"/> keys plus <see cref="OtherKey"/>, which counts every later new key.</remarks>
internal sealed class FlagCounters
{
    /// <summary>Most distinct keys per map before new keys are folded into <see cref="OtherKey"/>.</summary>
    public const int MaxDistinctKeys = 32;

    /// <summary>The key counting every value past the first <see cref="MaxDistinctKeys"/>.</summary>
    public const string OtherKey = "(other)";

    private readonly Dictionary<string, long> _byReason = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _bySource = new(StringComparer.Ordinal);
    private long _total;
    private long _duplicates;
    private long _malformed;

    public void Count(Verdict verdict)
    {
        _total++;
        foreach (var reason in verdict.Reasons.Distinct(StringComparer.Ordinal))
        {
            Increment(_byReason, reason);
        }

        if (verdict.Headers.TryGetValue(PostHeaders.Source, out var source))
        {
            Increment(_bySource, source);
        }
    }

    public void CountDuplicate() => _duplicates++;

    public void CountMalformed() => _malformed++;

    public FlagCounts Snapshot() =>
        new(_total, _duplicates, _malformed, new Dictionary<string, long>(_byReason), new Dictionary<string, long>(_bySource));

    private static void Increment(Dictionary<string, long> counts, string key)
    {
        if (!counts.ContainsKey(key) && counts.Count >= MaxDistinctKeys)
        {
            key = OtherKey;
        }

        counts[key] = counts.GetValueOrDefault(key) + 1;
    }
}
