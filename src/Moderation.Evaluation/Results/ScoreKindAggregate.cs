using System.Text.Json.Serialization;

namespace Moderation.Evaluation.Results;

/// <summary>Means over the classes of one score kind (unweighted, as in the published one-class tables) and the
/// worst class by AUROC.</summary>
public sealed record ScoreKindAggregate
{
    /// <summary>Number of classes aggregated.</summary>
    [JsonPropertyName("classCount")] public required int ClassCount { get; init; }
    /// <summary>Mean AUROC, in [0,1].</summary>
    [JsonPropertyName("meanAuroc")] public required double MeanAuroc { get; init; }
    /// <summary>Lowest AUROC.</summary>
    [JsonPropertyName("worstAuroc")] public required double WorstAuroc { get; init; }
    /// <summary>Index of the class with the lowest AUROC (the lowest index on a tie).</summary>
    [JsonPropertyName("worstClassIndex")] public required int WorstClassIndex { get; init; }
    /// <summary>Name of the class with the lowest AUROC.</summary>
    [JsonPropertyName("worstClassName")] public required string WorstClassName { get; init; }
    /// <summary>Mean AUPRC.</summary>
    [JsonPropertyName("meanAuprc")] public required double MeanAuprc { get; init; }
    /// <summary>Mean TPR at the calibrated thresholds.</summary>
    [JsonPropertyName("meanTprAtThreshold")] public required double MeanTprAtThreshold { get; init; }
    /// <summary>Mean realised FPR on the normal test images.</summary>
    [JsonPropertyName("meanRealisedFpr")] public required double MeanRealisedFpr { get; init; }

    /// <summary>Aggregates <paramref name="classes"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="classes"/> is empty.</exception>
    public static ScoreKindAggregate Over(IReadOnlyList<ClassResult> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        if (classes.Count == 0) throw new ArgumentException("no class results", nameof(classes));
        var worst = classes.OrderBy(c => c.Auroc).ThenBy(c => c.ClassIndex).First();
        return new ScoreKindAggregate
        {
            ClassCount = classes.Count,
            MeanAuroc = classes.Average(c => c.Auroc),
            WorstAuroc = worst.Auroc,
            WorstClassIndex = worst.ClassIndex,
            WorstClassName = worst.ClassName,
            MeanAuprc = classes.Average(c => c.Auprc),
            MeanTprAtThreshold = classes.Average(c => c.TprAtThreshold),
            MeanRealisedFpr = classes.Average(c => c.RealisedFpr),
        };
    }
}
