namespace Moderation.Export;

/// <summary>Graph input/output names written by <see cref="NetworkOnnxExporter"/> (the shared discriminator contract).</summary>
public static class OnnxTensorNames
{
    /// <summary>Discriminator input float32 <c>[N,1,28,28]</c> in [−1,1]; also the generator's output, in (−1,1).</summary>
    public const string Image = "image";

    /// <summary>Generator input: latent z float32 <c>[N,latent]</c> ~ N(0,1).</summary>
    public const string Latent = "z";

    /// <summary>Discriminator output float32 <c>[N,1]</c>: the raw real/fake logit (higher = more real).</summary>
    public const string Logit = "logit";

    /// <summary>Discriminator output float32 <c>[N,F]</c>: the flattened activations feeding the last layer.</summary>
    public const string Features = "features";

    /// <summary>Discriminator output float32 <c>[N,1]</c>, higher = more abnormal: −logit (the shipped detector's
    /// <c>anomaly_score</c> is built by <see cref="Detector.DetectorOnnxExporter"/> instead).</summary>
    public const string AnomalyScore = "anomaly_score";
}
