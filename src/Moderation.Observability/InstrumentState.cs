using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Moderation.Observability;

/// <summary>Aggregated state of one instrument, keyed by label set.</summary>
internal sealed class InstrumentState(Instrument instrument, string metricName, string type)
{
    public Instrument Instrument { get; } = instrument;
    public string MetricName { get; } = metricName;
    /// <summary>Prometheus type: counter, gauge or histogram.</summary>
    public string Type { get; } = type;
    public ConcurrentDictionary<string, MetricSeries> Series { get; } = new(StringComparer.Ordinal);
}
