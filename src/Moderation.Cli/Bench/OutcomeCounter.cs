using System.Diagnostics.Metrics;
using Moderation.Streaming.Diagnostics;

namespace Moderation.Cli.Bench;

/// <summary>Counts verdicts and dead letters as the in-process service records them (its own metrics), so the bench
/// knows when a stream is done without a competing Kafka reader.</summary>
internal sealed class OutcomeCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _outcomes;

    public OutcomeCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == StreamingMetrics.MeterName &&
                instrument.Name is StreamingMetrics.VerdictsProduced or StreamingMetrics.DeadLettered)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _outcomes, value));
        _listener.Start();
    }

    public long Outcomes => Interlocked.Read(ref _outcomes);

    /// <summary>Waits (polling every 10 ms) until at least <paramref name="expected"/> outcomes or the timeout.</summary>
    public async Task<bool> WaitForAsync(long expected, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Outcomes < expected)
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(10, cancellationToken);
        }
        return true;
    }

    public void Dispose() => _listener.Dispose();
}
