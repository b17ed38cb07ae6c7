namespace Moderation.Export.Detector;

/// <summary>Where an anomaly term reads its feature vector: a layer's output (or the input image), average-pooled, then
/// flattened. For the DCGAN discriminator (<c>Core.Networks.DcganSpecs.Discriminator</c>, width w): layer 1 is the
/// first LeakyReLU <c>[w,14,14]</c>, layer 4 (3 without BatchNorm) the second LeakyReLU <c>[2w,7,7]</c>, layer −1 the
/// image <c>[1,28,28]</c>.</summary>
/// <param name="Layer">Layer index (of <paramref name="Network"/>) whose output is read, or <see cref="Input"/> for the
/// image itself.</param>
/// <param name="Pool">Side of a non-overlapping average-pooling window (kernel = stride, no padding, ONNX
/// <c>AveragePool</c>); 1 = no pooling. The tensor must be 3-D <c>[C,H,W]</c> when <paramref name="Pool"/> &gt; 1.</param>
/// <param name="Network">Which network's layer: the discriminator D (default) or the transformation classifier, read on
/// the untransformed image (<see cref="TransformTerm"/>).</param>
public sealed record FeatureTap(int Layer, int Pool = 1, TapNetwork Network = TapNetwork.Discriminator)
{
    /// <summary><see cref="Layer"/> value that taps the input image.</summary>
    public const int Input = -1;

    /// <summary>Feature count after pooling and flattening, for a tapped tensor of shape <paramref name="shape"/>
    /// (without batch).</summary>
    /// <exception cref="ArgumentException"><see cref="Pool"/> &lt; 1, or &gt; 1 on a tensor that is not <c>[C,H,W]</c>.</exception>
    public int FeatureCount(IReadOnlyList<int> shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (Pool < 1) throw new ArgumentException($"pool must be >= 1, got {Pool}");
        if (Pool == 1) return shape.Aggregate(1, (a, b) => a * b);
        if (shape.Count != 3) throw new ArgumentException($"pooling needs a [C,H,W] tensor, layer {Layer} gives [{string.Join(',', shape)}]");
        return shape[0] * (shape[1] / Pool) * (shape[2] / Pool);
    }

    /// <summary>Short name, e.g. <c>L1p2</c> (D's layer 1 pooled 2×2), <c>TL8</c> (the transformation classifier's layer 8)
    /// or <c>image</c>.</summary>
    public override string ToString() => (Network == TapNetwork.TransformClassifier ? "T" : "") +
        (Layer == Input ? "image" : $"L{Layer}") + (Pool > 1 ? $"p{Pool}" : "");
}
