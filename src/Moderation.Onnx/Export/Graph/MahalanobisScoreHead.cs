using static Moderation.Onnx.Export.Graph.OnnxGraphBuilder;

namespace Moderation.Onnx.Export.Graph;

/// <summary>anomaly_score = (f − μ)ᵀ P (f − μ) per row, as Sub → MatMul → Mul → ReduceSum(axis 1, keepdims) → [N,1].</summary>
internal sealed class MahalanobisScoreHead(MahalanobisHead head) : IScoreHead
{
    /// <inheritdoc />
    public string Name => "mahalanobis";

    /// <inheritdoc />
    public void Append(OnnxGraphBuilder graph, string logit, string features, int featureCount, string output)
    {
        head.Validate(featureCount);
        var mean = graph.AddInitializer("mahalanobis.mean", [featureCount], head.Mean);
        var precision = graph.AddInitializer("mahalanobis.precision", [featureCount, featureCount], head.Precision);
        var axes = graph.AddInt64Initializer("mahalanobis.axes", 1);
        var centered = graph.AddNode("Sub", "mahalanobis.centered", [features, mean]);
        var projected = graph.AddNode("MatMul", "mahalanobis.projected", [centered, precision]);
        var terms = graph.AddNode("Mul", "mahalanobis.terms", [projected, centered]);
        graph.AddNode("ReduceSum", output, [terms, axes], Int("keepdims", 1));
    }
}
