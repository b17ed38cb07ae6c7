using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Moderation.Streaming.Diagnostics;

namespace Moderation.Cli.Bench;

/// <summary>Listens to the in-process service's own metrics: counts verdicts and dead letters (so the bench knows when a
/// stream is done without a competing Kafka reader), keeps the post-to-verdict latencies (posted-at until the verdict was
/// acknowledged) and sums the per-batch stage durations and batch sizes.</summary>
internal sealed class OutcomeCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<double> _latencies = new();
    private readonly ConcurrentDictionary<string, (double Sum, long Count)> _stages = new(StringComparer.Ordinal);
    private long _outcomes;
    private long _batches;
    private long _batchedPosts;

    public OutcomeCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == StreamingMetrics.MeterName && instrument.Name is StreamingMetrics.VerdictsProduced
                    or StreamingMetrics.DeadLettered or StreamingMetrics.Latency or StreamingMetrics.StageDuration or StreamingMetrics.BatchSize)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _outcomes, value));
        _listener.SetMeasurementEventCallback<int>((_, value, _, _) =>
        {
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _batchedPosts, value);
        });
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            if (instrument.Name == StreamingMetrics.Latency)
            {
                _latencies.Enqueue(value);
                return;
            }
            foreach (var tag in tags)
                if (tag is { Key: "stage", Value: string stage })
                    _stages.AddOrUpdate(stage, (value, 1), (_, s) => (s.Sum + value, s.Count + 1));
        });
        _listener.Start();
    }

    public long Outcomes => Interlocked.Read(ref _outcomes);

    /// <summary>Post-to-verdict latencies (ms, until acknowledged) recorded since the last <see cref="Reset"/>, sorted.</summary>
    public double[] Latencies() => _latencies.Order().ToArray();

    /// <summary>Mean posts per batch and mean ms per stage since the last <see cref="Reset"/>.</summary>
    public StageProfile Profile() => new(Interlocked.Read(ref _batches) == 0 ? 0 : (double)_batchedPosts / _batches,
        _stages.ToDictionary(s => s.Key, s => s.Value.Sum / Math.Max(1, s.Value.Count), StringComparer.Ordinal));

    /// <summary>Forgets latencies, stage durations and batch sizes (not the outcome count).</summary>
    public void Reset()
    {
        _latencies.Clear();
        _stages.Clear();
        Interlocked.Exchange(ref _batches, 0);
        Interlocked.Exchange(ref _batchedPosts, 0);
    }

    /// <summary>Waits (polling every 10 ms) until at least <paramref name="expected"/> outcomes or the timeout.</summary>
    public async Task<bool> WaitForAsync(long expected, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (Outcomes < expected)
        {
            if (TimeProvider.System.GetElapsedTime(started) > timeout) return false;
            await Task.Delay(10, cancellationToken);
        }
        return true;
    }

    public void Dispose() => _listener.Dispose();
}
