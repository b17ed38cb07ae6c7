namespace Moderation.Onnx.Export.Graph;

/// <summary>anomaly_score = −logit: the discriminator's "fake" evidence.</summary>
internal sealed class NegatedLogitHead : IScoreHead
{
    /// <inheritdoc />
    public string Name => "neg_logit";

    /// <inheritdoc />
    public void Append(OnnxGraphBuilder graph, string logit, string features, int featureCount, string output) =>
        graph.AddNode("Neg", output, [logit]);
}
