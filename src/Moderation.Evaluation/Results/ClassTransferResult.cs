using System.Text.Json.Serialization;

namespace Moderation.Evaluation.Results;

/// <summary>Leave-one-family-out results of one normal class (<see cref="FamilyTransferResult"/> per held-out family).</summary>
public sealed record ClassTransferResult
{
    /// <summary>The normal class.</summary>
    [JsonPropertyName("classIndex")] public int ClassIndex { get; init; }
    /// <summary>Its name.</summary>
    [JsonPropertyName("className")] public required string ClassName { get; init; }
    /// <summary>One row per held-out family.</summary>
    [JsonPropertyName("families")] public required IReadOnlyList<FamilyTransferResult> Families { get; init; }
    /// <summary>Wall time of the folds (fine-tuning, export, scoring), s.</summary>
    [JsonPropertyName("seconds")] public double Seconds { get; init; }
    /// <summary>Wall time of training the zoo of this class, s.</summary>
    [JsonPropertyName("zooSeconds")] public double ZooSeconds { get; init; }

    /// <summary>Mean AUROC over the held-out families.</summary>
    [JsonPropertyName("meanAuroc")] public double MeanAuroc => Families.Average(f => f.Auroc);
    /// <summary>Mean verdict TPR over the held-out families.</summary>
    [JsonPropertyName("meanVerdictTpr")] public double MeanVerdictTpr => Families.Average(f => f.VerdictTpr);
    /// <summary>Mean baseline AUROC over the families the baseline never saw.</summary>
    [JsonPropertyName("baselineMeanAuroc")] public double BaselineMeanAuroc => MeanOf(Families.Select(f => f.BaselineAuroc));
    /// <summary>Mean baseline verdict TPR over the families the baseline never saw.</summary>
    [JsonPropertyName("baselineMeanVerdictTpr")] public double BaselineMeanVerdictTpr => MeanOf(Families.Select(f => f.BaselineVerdictTpr));

    /// <summary>PNG bytes of a sample grid per family (report only, not in the JSON).</summary>
    [JsonIgnore] public IReadOnlyDictionary<string, byte[]> SampleGrids { get; init; } = new Dictionary<string, byte[]>();

    private static double MeanOf(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        return finite.Length == 0 ? double.NaN : finite.Average();
    }
}
