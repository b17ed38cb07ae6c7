using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moderation.Streaming.Diagnostics;

namespace Moderation.Streaming.Tests.Support;

/// <summary>Sums the measurements of one host's <see cref="StreamingMetrics"/> (meters are scoped to the host's
/// <see cref="IMeterFactory"/>, so parallel tests do not mix).</summary>
internal sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _sums = new();
    private readonly ConcurrentDictionary<string, long> _counts = new();

    public MetricsRecorder(IHost host)
    {
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == StreamingMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Add(i, value, tags));
        _listener.SetMeasurementEventCallback<int>((i, value, tags, _) => Add(i, value, tags));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Add(i, value, tags));
        _listener.Start();
    }

    /// <summary>Sum of the measurements of <paramref name="instrument"/>, optionally only with tag reason=<paramref name="reason"/>.</summary>
    public double Sum(string instrument, string? reason = null) => _sums.GetValueOrDefault(Key(instrument, reason));

    /// <summary>Number of measurements (histogram samples) of <paramref name="instrument"/>.</summary>
    public long Count(string instrument) => _counts.GetValueOrDefault(Key(instrument, null));

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        _sums.AddOrUpdate(Key(instrument.Name, null), value, (_, s) => s + value);
        _counts.AddOrUpdate(Key(instrument.Name, null), 1, (_, c) => c + 1);
        foreach (var tag in tags)
        {
            if (tag.Key == "reason")
            {
                _sums.AddOrUpdate(Key(instrument.Name, tag.Value as string), value, (_, s) => s + value);
            }
        }
    }

    private static string Key(string instrument, string? reason) => reason is null ? instrument : $"{instrument}|{reason}";
}
