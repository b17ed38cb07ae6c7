namespace Moderation.Export.Detector;

/// <summary>The network a <see cref="FeatureTap"/> reads.</summary>
public enum TapNetwork
{
    /// <summary>The trained discriminator D.</summary>
    Discriminator,

    /// <summary>The transformation classifier of <see cref="TransformTerm"/>, on the untransformed image (transform 0).</summary>
    TransformClassifier,
}
