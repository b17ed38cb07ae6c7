using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moderation.Streaming.Diagnostics;

namespace Moderation.Streaming.Tests.Support;

/// <summary>Sums the measurements of one host's <see cref="StreamingMetrics"/> (meters are scoped to the host's
/// <see cref="IMeterFactory"/>, so parallel tests do not mix) and reads its observable gauges on demand.</summary>
internal sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _sums = new();
    private readonly ConcurrentDictionary<string, long> _counts = new();
    private readonly Lock _observing = new();
    private List<(Instrument Instrument, Dictionary<string, object?> Tags, double Value)>? _observed;

    public MetricsRecorder(IHost host)
        : this(host.Services.GetRequiredService<IMeterFactory>())
    {
    }

    public MetricsRecorder(IMeterFactory factory)
    {
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
    public double Sum(string instrument, string? reason = null) => reason is null
        ? _sums.GetValueOrDefault(instrument)
        : Sum(instrument, "reason", reason);

    /// <summary>Sum of the measurements of <paramref name="instrument"/> with tag <paramref name="tag"/>=<paramref name="value"/>.</summary>
    public double Sum(string instrument, string tag, string value) => _sums.GetValueOrDefault($"{instrument}|{tag}={value}");

    /// <summary>Number of measurements (histogram samples) of <paramref name="instrument"/>.</summary>
    public long Count(string instrument) => _counts.GetValueOrDefault(instrument);

    /// <summary>Calls the observable instruments now; returns the measurements of <paramref name="instrument"/>.</summary>
    public List<(Dictionary<string, object?> Tags, double Value)> Observe(string instrument)
    {
        lock (_observing)
        {
            _observed = [];
            _listener.RecordObservableInstruments();
            var result = _observed.Where(m => m.Instrument.Name == instrument).Select(m => (m.Tags, m.Value)).ToList();
            _observed = null;
            return result;
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (instrument.IsObservable)
        {
            var tagMap = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                tagMap[tag.Key] = tag.Value;
            }

            _observed?.Add((instrument, tagMap, value));
            return;
        }

        _sums.AddOrUpdate(instrument.Name, value, (_, s) => s + value);
        _counts.AddOrUpdate(instrument.Name, 1, (_, c) => c + 1);
        foreach (var tag in tags)
        {
            _sums.AddOrUpdate($"{instrument.Name}|{tag.Key}={tag.Value}", value, (_, s) => s + value);
        }
    }
}
