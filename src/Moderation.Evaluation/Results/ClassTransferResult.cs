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

    /// <summary>The families no part of the detector was trained on: every row but those
    /// <see cref="FamilyTransferResult.InDiscriminatorTraining"/>.</summary>
    [JsonIgnore] public IEnumerable<FamilyTransferResult> HeldOut => Families.Where(f => !f.InDiscriminatorTraining);
    /// <summary>Mean AUROC over the <see cref="HeldOut"/> families; NaN when there are none.</summary>
    [JsonPropertyName("meanAuroc")] public double MeanAuroc => MeanOf(HeldOut.Select(f => f.Auroc));
    /// <summary>Mean verdict TPR over the <see cref="HeldOut"/> families; NaN when there are none.</summary>
    [JsonPropertyName("meanVerdictTpr")] public double MeanVerdictTpr => MeanOf(HeldOut.Select(f => f.VerdictTpr));
    /// <summary>Mean baseline AUROC over the same <see cref="HeldOut"/> families (the baseline never saw them).</summary>
    [JsonPropertyName("baselineMeanAuroc")] public double BaselineMeanAuroc => MeanOf(HeldOut.Select(f => f.BaselineAuroc));
    /// <summary>Mean baseline verdict TPR over the same <see cref="HeldOut"/> families.</summary>
    [JsonPropertyName("baselineMeanVerdictTpr")] public double BaselineMeanVerdictTpr => MeanOf(HeldOut.Select(f => f.BaselineVerdictTpr));
    /// <summary>Mean AUROC of the ablation without the zoo over the same <see cref="HeldOut"/> families.</summary>
    [JsonPropertyName("dcganOnlyMeanAuroc")] public double DcganOnlyMeanAuroc => MeanOf(HeldOut.Select(f => f.DcganOnlyAuroc));
    /// <summary>Mean verdict TPR of the ablation without the zoo over the same <see cref="HeldOut"/> families.</summary>
    [JsonPropertyName("dcganOnlyMeanVerdictTpr")] public double DcganOnlyMeanVerdictTpr => MeanOf(HeldOut.Select(f => f.DcganOnlyVerdictTpr));

    /// <summary>PNG bytes of a sample grid per family (report only, not in the JSON).</summary>
    [JsonIgnore] public IReadOnlyDictionary<string, byte[]> SampleGrids { get; init; } = new Dictionary<string, byte[]>();

    private static double MeanOf(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        return finite.Length == 0 ? double.NaN : finite.Average();
    }
}
