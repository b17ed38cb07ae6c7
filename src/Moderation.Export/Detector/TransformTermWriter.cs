using Moderation.Core.Networks;
using Moderation.Export.Graph;
using static Moderation.Export.Graph.OnnxGraphBuilder;

namespace Moderation.Export.Detector;

/// <summary>Writes a <see cref="TransformTerm"/>: the 8 dihedral transforms of the image (Slice with step −1 mirrors,
/// Transpose + Slice turns), one batch <c>[8N,1,H,W]</c> through the classifier, LogSoftmax, the log-probability of
/// each copy's own transform summed, negated and standardised. Operator semantics: ONNX Operators.md, opset 17.</summary>
internal static class TransformTermWriter
{
    /// <summary>Prefix of the classifier's tensors.</summary>
    internal const string Prefix = "transform.";

    /// <summary>Appends the term; returns the standardised <c>[N,1]</c> tensor and the classifier's layer outputs
    /// (batch 8N, transform-major: rows t·N … t·N + N − 1 hold transform t).</summary>
    public static (string Standardised, string[] Layers) Append(OnnxGraphBuilder graph, TransformTerm term, string image)
    {
        term.Validate();
        var copies = Transforms(graph, image);
        var batch = graph.AddNode("Concat", Prefix + "copies", copies, Int("axis", 0));
        var layers = DetectorGraphWriter.AppendNetwork(graph, term.Spec, term.Parameters, batch, Prefix, Prefix + "logits");

        int t = DihedralTransforms.Count;
        var logProbabilities = graph.AddNode("LogSoftmax", Prefix + "log_probabilities", [layers[^1]], Int("axis", 1));
        var grouped = graph.AddNode("Reshape", Prefix + "grouped", [logProbabilities, graph.AddInt64Initializer(Prefix + "grouped_shape", t, -1, t)]);
        var mask = new float[t * t];
        for (int i = 0; i < t; i++) mask[i * t + i] = 1;
        var own = graph.AddNode("Mul", Prefix + "own", [grouped, graph.AddInitializer(Prefix + "own_mask", [t, 1, t], mask)]);
        var summed = graph.AddNode("ReduceSum", Prefix + "summed", [own, graph.AddInt64Initializer(Prefix + "sum_axes", 0, 2)], Int("keepdims", 1));
        var column = graph.AddNode("Reshape", Prefix + "column", [summed, graph.AddInt64Initializer(Prefix + "column_shape", -1, 1)]);
        var score = graph.AddNode("Neg", Prefix + "score", [column]);
        return (AnomalyTermWriter.Standardise(graph, Prefix, score, term.Offset, term.Scale), layers);
    }

    /// <summary>The rows of a classifier layer's output that belong to the untransformed image (transform 0):
    /// Reshape <c>[8,N,…]</c> → Gather index 0 on axis 0 → <c>[N,…]</c>.</summary>
    public static string Untransformed(OnnxGraphBuilder graph, string layerOutput, IReadOnlyList<int> shape, string prefix)
    {
        var grouped = graph.AddNode("Reshape", prefix + "grouped", [layerOutput,
            graph.AddInt64Initializer(prefix + "grouped_shape", [DihedralTransforms.Count, -1, .. shape.Select(d => (long)d)])]);
        var index = graph.AddInt64Initializer(prefix + "identity_index", 0);
        var gathered = graph.AddNode("Gather", prefix + "identity_rows", [grouped, index], Int("axis", 0)); // [1,N,…]
        return graph.AddNode("Squeeze", prefix + "untransformed", [gathered, graph.AddInt64Initializer(prefix + "squeeze_axes", 0)]);
    }

    /// <summary>The 8 copies in transform order (<see cref="DihedralTransforms"/>): t = r + 4·f.</summary>
    private static List<string> Transforms(OnnxGraphBuilder graph, string image)
    {
        var reversed = graph.AddInt64Initializer(Prefix + "reverse_starts", -1);
        var ends = graph.AddInt64Initializer(Prefix + "reverse_ends", long.MinValue);
        var steps = graph.AddInt64Initializer(Prefix + "reverse_steps", -1);
        var rows = graph.AddInt64Initializer(Prefix + "row_axis", 2);
        var columns = graph.AddInt64Initializer(Prefix + "column_axis", 3);
        string Reverse(string x, string axis, string name) => graph.AddNode("Slice", Prefix + name, [x, reversed, ends, axis, steps]);

        var copies = new string[DihedralTransforms.Count];
        copies[0] = image;
        copies[4] = Reverse(image, columns, "t4");
        foreach (int f in new[] { 0, 4 })
        {
            for (int r = 1; r < 4; r++)
            {
                // a quarter turn counter-clockwise: out[i,j] = in[j, W−1−i] = reverse rows of the transpose
                var transposed = graph.AddNode("Transpose", Prefix + $"t{f + r}_transposed", [copies[f + r - 1]], Ints("perm", 0, 1, 3, 2));
                copies[f + r] = Reverse(transposed, rows, $"t{f + r}");
            }
        }
        return [.. copies];
    }
}
