using System.ComponentModel.DataAnnotations;

namespace Moderation.Export.Detector;

/// <summary>
/// Writes a <see cref="DetectorModel"/> as one ONNX model (IR 8, opset 17) that computes every score the service
/// reports, so that no statistics file can drift from the network:
/// <list type="bullet">
/// <item>input <c>image</c> float32 <c>[N,1,28,28]</c> in [−1,1];</item>
/// <item><c>logit</c> <c>[N,1]</c> and <c>features</c> <c>[N,F]</c> of D (the shared discriminator contract);</item>
/// <item><c>anomaly_score</c> <c>[N,1]</c> = Σ_t (statistic_t − offset_t)/scale_t over the anomaly terms;</item>
/// <item><c>synthetic_score</c> <c>[N,1]</c> = −logit of the fine-tuned copy (when present).</item>
/// </list>
/// The copy's initializers and nodes are prefixed <c>synthetic.</c>; term t's are prefixed <c>term{t}.</c>.
/// </summary>
public static class DetectorOnnxExporter
{
    /// <summary>Metadata key listing the anomaly terms, e.g. <c>gaussian@L1p2;nearest_neighbour@image</c>.</summary>
    public const string TermsMetadataKey = "moderation.anomaly_terms";

    /// <summary>Exports <paramref name="model"/> to <paramref name="path"/> (temporary file, then moved into place).</summary>
    /// <param name="model">The detector.</param>
    /// <param name="path">Output file; its folder is created if missing.</param>
    /// <param name="options">Producer name.</param>
    /// <returns>Lower-case hex SHA-256 of the written file.</returns>
    /// <exception cref="ArgumentException">A parameter is missing or mis-shaped, the spec is not a discriminator, no
    /// anomaly term, or a term does not fit its tap.</exception>
    /// <exception cref="ValidationException"><paramref name="options"/> is invalid.</exception>
    public static string Export(DetectorModel model, string path, OnnxExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        return OnnxModelFile.Write(() => DetectorGraphWriter.Build(model), () =>
        [
            ("moderation.spec", model.Discriminator.ToNativeSpec()),
            ("moderation.anomaly_score", "standardised_terms"),
            (TermsMetadataKey, string.Join(';', model.AnomalyTerms.Select(t => $"{t.Kind}@{t.Tap}").Concat(model.Transform is null ? [] : ["geom@transforms8"]))),
        ], path, options);
    }
}
