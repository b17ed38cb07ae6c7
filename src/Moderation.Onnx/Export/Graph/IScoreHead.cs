namespace Moderation.Onnx.Export.Graph;

/// <summary>A head appended to an exported discriminator that computes the <c>anomaly_score</c> output
/// float32 <c>[N,1]</c> (higher = more abnormal) from the <c>logit</c> <c>[N,1]</c> and <c>features</c> <c>[N,F]</c>
/// tensors. Add a head by implementing this and choosing it in <see cref="NetworkOnnxExporter"/>.</summary>
internal interface IScoreHead
{
    /// <summary>Short name recorded in the model's metadata (<c>moderation.anomaly_score</c>).</summary>
    string Name { get; }

    /// <summary>Appends the head's initializers and nodes; the last node's output must be named
    /// <paramref name="output"/>.</summary>
    void Append(OnnxGraphBuilder graph, string logit, string features, int featureCount, string output);
}
