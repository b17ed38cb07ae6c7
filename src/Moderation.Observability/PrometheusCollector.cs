using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace Moderation.Observability;

/// <summary>
/// Listens to <see cref="System.Diagnostics.Metrics"/> instruments and renders them in the Prometheus text exposition
/// format 0.0.4 (prometheus.io/docs/instrumenting/exposition_formats). Counters become <c>&lt;name&gt;_total</c>
/// counters, up-down counters and observable gauges become gauges, histograms become cumulative
/// <c>_bucket{le=…}</c>/<c>_sum</c>/<c>_count</c> series. Instrument names map to metric names by replacing every
/// character outside <c>[a-zA-Z0-9_]</c> with <c>_</c>; the unit, when given, is appended (<c>ms</c> → <c>_ms</c>).
/// </summary>
/// <remarks>
/// Hand-written because no Prometheus exporter package is reachable from this build's NuGet feed; kept to this file
/// and tested against exact expected text.
/// </remarks>
public sealed class PrometheusCollector : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly double[] _buckets;
    private readonly Dictionary<Instrument, InstrumentState> _states = [];
    private readonly Lock _gate = new();

    /// <summary>Starts listening to every meter whose name starts with the configured prefix.</summary>
    public PrometheusCollector(IOptions<PrometheusOptions> options)
    {
        var o = options.Value;
        _buckets = [.. o.HistogramBuckets.Order()];
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (!instrument.Meter.Name.StartsWith(o.MeterPrefix, StringComparison.Ordinal)) return;
            var state = new InstrumentState(instrument, MetricName(instrument), TypeOf(instrument));
            lock (_gate) _states[instrument] = state;
            listener.EnableMeasurementEvents(instrument, state);
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, s) => Record((InstrumentState)s!, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, s) => Record((InstrumentState)s!, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, s) => Record((InstrumentState)s!, v, tags));
        _listener.SetMeasurementEventCallback<float>((i, v, tags, s) => Record((InstrumentState)s!, v, tags));
        _listener.Start();
    }

    /// <summary>Renders every series in the Prometheus text format (content type <c>text/plain; version=0.0.4</c>).</summary>
    public string Render()
    {
        _listener.RecordObservableInstruments();
        InstrumentState[] states;
        lock (_gate) states = [.. _states.Values.OrderBy(s => s.MetricName, StringComparer.Ordinal)];
        var text = new StringBuilder();
        foreach (var state in states)
        {
            var name = state.Type == "counter" ? state.MetricName + "_total" : state.MetricName;
            if (!string.IsNullOrEmpty(state.Instrument.Description))
                text.Append("# HELP ").Append(name).Append(' ').Append(state.Instrument.Description).Append('\n');
            text.Append("# TYPE ").Append(name).Append(' ').Append(state.Type).Append('\n');
            foreach (var series in state.Series.Values.OrderBy(s => s.Labels, StringComparer.Ordinal))
            {
                lock (series)
                {
                    if (state.Type == "histogram") AppendHistogram(text, name, series);
                    else text.Append(name).Append(Braced(series.Labels)).Append(' ').Append(Number(series.Value)).Append('\n');
                }
            }
        }
        return text.ToString();
    }

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    private void AppendHistogram(StringBuilder text, string name, MetricSeries series)
    {
        long cumulative = 0;
        for (int b = 0; b <= _buckets.Length; b++)
        {
            cumulative += series.Buckets[b];
            var le = b < _buckets.Length ? Number(_buckets[b]) : "+Inf";
            var labels = series.Labels.Length == 0 ? $"le=\"{le}\"" : $"{series.Labels},le=\"{le}\"";
            text.Append(name).Append("_bucket{").Append(labels).Append("} ").Append(cumulative).Append('\n');
        }
        text.Append(name).Append("_sum").Append(Braced(series.Labels)).Append(' ').Append(Number(series.Sum)).Append('\n');
        text.Append(name).Append("_count").Append(Braced(series.Labels)).Append(' ').Append(series.Count).Append('\n');
    }

    private void Record(InstrumentState state, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        var series = state.Series.GetOrAdd(labels, l => new MetricSeries(l, _buckets.Length));
        lock (series)
        {
            switch (state.Instrument)
            {
                case ObservableGauge<long> or ObservableGauge<double> or ObservableGauge<int> or ObservableGauge<float>:
                    series.Value = value;
                    break;
                case Histogram<long> or Histogram<double> or Histogram<int> or Histogram<float>:
                    int bucket = Array.BinarySearch(_buckets, value);
                    series.Buckets[bucket >= 0 ? bucket : ~bucket]++;
                    series.Count++;
                    series.Sum += value;
                    break;
                default:
                    series.Value += value;
                    break;
            }
        }
    }

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty) return "";
        var pairs = new List<string>(tags.Length);
        foreach (var tag in tags)
            pairs.Add($"{Sanitize(tag.Key)}=\"{Escape(Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? "")}\"");
        pairs.Sort(StringComparer.Ordinal);
        return string.Join(',', pairs);
    }

    private static string TypeOf(Instrument instrument)
    {
        var type = instrument.GetType().GetGenericTypeDefinition();
        if (type == typeof(Counter<>) || type == typeof(ObservableCounter<>)) return "counter";
        if (type == typeof(Histogram<>)) return "histogram";
        return "gauge";
    }

    private static string MetricName(Instrument instrument)
    {
        var name = Sanitize(instrument.Name);
        var unit = string.IsNullOrEmpty(instrument.Unit) || instrument.Unit.StartsWith('{') ? "" : Sanitize(instrument.Unit);
        return unit.Length == 0 || name.EndsWith("_" + unit, StringComparison.Ordinal) ? name : $"{name}_{unit}";
    }

    private static string Sanitize(string s)
    {
        var chars = s.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
            if (!char.IsAsciiLetterOrDigit(chars[i]) && chars[i] != '_') chars[i] = '_';
        return new string(chars);
    }

    private static string Escape(string v) => v.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
    private static string Braced(string labels) => labels.Length == 0 ? "" : "{" + labels + "}";
    private static string Number(double v) => double.IsPositiveInfinity(v) ? "+Inf" : v.ToString("R", CultureInfo.InvariantCulture);
}
