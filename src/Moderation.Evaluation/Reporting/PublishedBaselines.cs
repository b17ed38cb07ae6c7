namespace Moderation.Evaluation.Reporting;

/// <summary>Published mean AUROC on one-class Fashion-MNIST, copied from the project's shared reference notes
/// (<c>shared/README.md</c>, "Published reference numbers"), best first.</summary>
public static class PublishedBaselines
{
    /// <summary>Source line printed under the comparison table.</summary>
    public const string Source =
        "Published numbers as collected in the project's shared reference notes (shared/README.md, \"Published reference " +
        "numbers\"). Protocol: train on one class's training images only; test on the full 10,000-image test set with that " +
        "class as normal and the other nine as anomalies; mean AUROC over the 10 classes.";

    /// <summary>The Fashion-MNIST one-class baselines, highest mean AUROC first.</summary>
    public static IReadOnlyList<PublishedBaseline> FashionMnist { get; } =
    [
        new("ESAD", "Huang et al., \"ESAD: End-to-end Deep Semi-supervised Anomaly Detection\", arXiv:2012.04905, 2020", 0.940),
        new("ARNet", "Ye, Huang et al., \"Attribute Restoration Framework for Anomaly Detection\", arXiv:1911.10676, 2019", 0.939),
        new("GEOM", "Golan & El-Yaniv, \"Deep Anomaly Detection Using Geometric Transformations\", NeurIPS 2018", 0.935, "Shirt", 0.833),
        new("OC-SVM", "Schölkopf et al., \"Estimating the Support of a High-Dimensional Distribution\", Neural Computation 2001", 0.928),
        new("Deep SVDD", "Ruff et al., \"Deep One-Class Classification\", ICML 2018", 0.892),
        new("ADGAN", "Deecke et al., \"Image Anomaly Detection with Generative Adversarial Networks\", ECML-PKDD 2018", 0.884),
    ];
}
