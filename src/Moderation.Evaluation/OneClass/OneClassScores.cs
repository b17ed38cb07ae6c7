namespace Moderation.Evaluation.OneClass;

/// <summary>
/// The scores of one one-class experiment for one score kind (higher = more suspicious): a detector trained on the
/// training images of class <see cref="ClassIndex"/> only, scoring the test set and held-out normal images.
/// </summary>
public sealed record OneClassScores
{
    /// <summary>Index of the class treated as normal, e.g. 1 for Fashion-MNIST "Trouser".</summary>
    public required int ClassIndex { get; init; }

    /// <summary>Name of the normal class.</summary>
    public required string ClassName { get; init; }

    /// <summary>Scores of the normal class's test images (the negatives; never used for calibration).</summary>
    public required IReadOnlyList<double> NormalTest { get; init; }

    /// <summary>Scores of the positives: the other classes' test images for the anomaly score, generator samples for
    /// the synthetic score.</summary>
    public required IReadOnlyList<double> Anomalous { get; init; }

    /// <summary>Optional class index of each <see cref="Anomalous"/> score (same length), for a per-anomalous-class
    /// breakdown; null when the positives have no classes (generator samples).</summary>
    public IReadOnlyList<int>? AnomalousClasses { get; init; }

    /// <summary>Optional class names by class index, naming <see cref="AnomalousClasses"/> in the breakdown; a class
    /// without a name is called <c>class k</c>.</summary>
    public IReadOnlyList<string>? ClassNames { get; init; }

    /// <summary>Scores of held-out normal images (from the training split, not used for training) that calibrate the
    /// threshold.</summary>
    public required IReadOnlyList<double> Calibration { get; init; }
}
