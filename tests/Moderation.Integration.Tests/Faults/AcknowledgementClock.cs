using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Moderation.Streaming.Diagnostics;

namespace Moderation.Integration.Tests.Faults;

/// <summary>Timestamps (<see cref="Stopwatch.GetTimestamp"/>) of the verdicts and dead letters an in-process service
/// counted as acknowledged, from its own metrics (the meters of one <see cref="IMeterFactory"/>).</summary>
internal sealed class AcknowledgementClock : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<long> _acknowledged = new();

    public AcknowledgementClock(IMeterFactory service)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, service) && instrument.Meter.Name == StreamingMetrics.MeterName &&
                instrument.Name is StreamingMetrics.VerdictsProduced or StreamingMetrics.DeadLettered)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
        {
            var now = Stopwatch.GetTimestamp();
            for (var i = 0; i < value; i++) _acknowledged.Enqueue(now);
        });
        _listener.Start();
    }

    /// <summary>Outcomes acknowledged so far.</summary>
    public int Count => _acknowledged.Count;

    /// <summary>Outcomes acknowledged strictly between two timestamps.</summary>
    public int Between(long from, long to) => _acknowledged.Count(t => t > from && t < to);

    /// <summary>The timestamps of the outcomes acknowledged strictly between two timestamps, in order.</summary>
    public IReadOnlyList<long> Times(long from, long to) => _acknowledged.Where(t => t > from && t < to).Order().ToList();

    /// <summary>The first acknowledgement after <paramref name="from"/>, waiting up to <paramref name="bound"/>; null if none.</summary>
    public async Task<long?> FirstAfterAsync(long from, TimeSpan bound)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < bound)
        {
            var first = _acknowledged.Where(t => t > from).DefaultIfEmpty(long.MaxValue).Min();
            if (first != long.MaxValue) return first;
            await Task.Delay(10);
        }

        return null;
    }

    public void Dispose() => _listener.Dispose();
}
