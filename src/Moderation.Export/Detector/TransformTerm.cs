using Moderation.Core.Networks;

namespace Moderation.Export.Detector;

/// <summary>
/// The GEOM anomaly term (Golan &amp; El-Yaniv 2018): a transformation classifier C trained on normal images to tell
/// which of the <see cref="DihedralTransforms.Count"/> dihedral transforms was applied, scored as
/// s(x) = −Σₜ log softmax(C(t(x)))[t] (natural log; the sum of the classifier's cross-entropies over the transforms)
/// and standardised as (s − <see cref="Offset"/>) / <see cref="Scale"/> like every <see cref="AnomalyTerm"/>. Its
/// layers can also be tapped by anomaly terms (<see cref="TapNetwork.TransformClassifier"/>).
/// </summary>
/// <param name="Spec">C's architecture (<see cref="TransformClassifierSpecs"/>): input <c>[1,side,side]</c>, output
/// <c>[8]</c>.</param>
/// <param name="Parameters">C's parameters by libtorch name.</param>
/// <param name="Offset">Mean of s on held-out normal images.</param>
/// <param name="Scale">Standard deviation of s on held-out normal images; &gt; 0.</param>
public sealed record TransformTerm(NetworkSpec Spec, IReadOnlyDictionary<string, NamedTensor> Parameters, double Offset, double Scale)
{
    /// <summary>Checks the spec's shapes and the standardisation.</summary>
    /// <exception cref="ArgumentException">The input is not one square channel, the output is not one logit per
    /// transform, or offset/scale are not finite with scale &gt; 0.</exception>
    public void Validate()
    {
        if (Spec.InputShape is not [1, var h, var w] || h != w)
            throw new ArgumentException($"the transformation classifier needs a [1,side,side] input, got [{string.Join(',', Spec.InputShape)}]");
        if (Spec.OutputShape is not [DihedralTransforms.Count])
            throw new ArgumentException($"the transformation classifier must output [{DihedralTransforms.Count}], got [{string.Join(',', Spec.OutputShape)}]");
        if (!double.IsFinite(Offset) || !(Scale > 0) || !double.IsFinite(Scale))
            throw new ArgumentException($"transform term: offset {Offset} and scale {Scale} must be finite, scale > 0");
    }
}
