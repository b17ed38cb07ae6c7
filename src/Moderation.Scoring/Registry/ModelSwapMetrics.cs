using System.Diagnostics.Metrics;

namespace Moderation.Scoring.Registry;

/// <summary>
/// Instruments of the meter <see cref="MeterName"/>: what the registry watcher did with promoted models. Exported at
/// <c>/metrics</c> as <c>moderation_model_swaps_total{result="swapped"|"refused", reason=…}</c>.
/// </summary>
public sealed class ModelSwapMetrics
{
    /// <summary>Name of the meter.</summary>
    public const string MeterName = "Moderation.Scoring";

    /// <summary>Counter of promoted versions handled, tagged <c>result</c> (<see cref="Swapped"/> or <see cref="Refused"/>)
    /// and, when refused, <c>reason</c> (a <see cref="ModelRefusalReasons"/> value).</summary>
    public const string Swaps = "moderation.model.swaps";

    /// <summary><c>result</c> tag value of a model that now serves.</summary>
    public const string Swapped = "swapped";

    /// <summary><c>result</c> tag value of a model that was refused (the old one keeps serving).</summary>
    public const string Refused = "refused";

    private readonly Counter<long> _swaps;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public ModelSwapMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _swaps = meter.CreateCounter<long>(Swaps, description: "Promoted model versions swapped in or refused by the registry watcher");
    }

    internal void RecordSwap() => _swaps.Add(1, new KeyValuePair<string, object?>("result", Swapped));

    internal void RecordRefusal(string reason) =>
        _swaps.Add(1, new KeyValuePair<string, object?>("result", Refused), new KeyValuePair<string, object?>("reason", reason));
}
