using Moderation.Export.Graph;
using static Moderation.Export.Graph.OnnxGraphBuilder;

namespace Moderation.Export.Detector;

/// <summary>
/// Writes the <see cref="ImageStatisticsWriter.Count"/> global statistics of each image x (<c>[N,1,H,W]</c> in [−1,1])
/// that <c>degenerate_score</c> models, as one <c>[N,7]</c> tensor: mean(x); ln(sd(x) + ε); ln(mean|∂x/∂u| + ε)
/// (horizontal neighbour differences); ln(mean|∂x/∂v| + ε) (vertical); the share of pixels below −0.9 (background of
/// Fashion-MNIST's dark canvas); ln(sd of the row means + ε); ln(sd of the column means + ε); ε = 0.01, sd with 1/n.
/// Flat, near-flat, noise, stripes, lines and text images sit far from a photo class's values in at least one of them.
/// The retraining job computes the same statistics in C# (Moderation.Retraining's ImageStatistics) to fit the term.
/// </summary>
public static class ImageStatisticsWriter
{
    /// <summary>Statistics per image.</summary>
    public const int Count = 7;

    /// <summary>ε inside the logarithms.</summary>
    public const float Epsilon = 0.01f;

    /// <summary>Pixels below this value count as background.</summary>
    public const float BackgroundLevel = -0.9f;

    /// <summary>Appends the nodes; returns the <c>[N,7]</c> tensor name.</summary>
    internal static string Append(OnnxGraphBuilder graph, string image, int height, int width, string prefix)
    {
        var all = Ints("axes", 1, 2, 3); // opset 17: ReduceMean takes its axes as an attribute (an input from opset 18)
        var eps = graph.AddInitializer(prefix + "eps", [1], [Epsilon]);
        var mean = graph.AddNode("ReduceMean", prefix + "mean", [image], all, Int("keepdims", 1));
        var sd = Sd(graph, image, mean, all, prefix + "pixels");
        var dx = MeanAbsDifference(graph, image, 3, width, all, prefix + "dx");
        var dy = MeanAbsDifference(graph, image, 2, height, all, prefix + "dy");
        var dark = graph.AddNode("Less", prefix + "dark", [image, graph.AddInitializer(prefix + "background", [1], [BackgroundLevel])]);
        var darkShare = graph.AddNode("ReduceMean", prefix + "dark_share", [graph.AddNode("Cast", prefix + "dark_float", [dark], Int("to", 1))], all, Int("keepdims", 1));
        var rows = graph.AddNode("ReduceMean", prefix + "row_means", [image], Ints("axes", 3), Int("keepdims", 1));
        var columns = graph.AddNode("ReduceMean", prefix + "column_means", [image], Ints("axes", 2), Int("keepdims", 1));
        var rowSd = Sd(graph, rows, graph.AddNode("ReduceMean", prefix + "rows_mean", [rows], all, Int("keepdims", 1)), all, prefix + "rows");
        var columnSd = Sd(graph, columns, graph.AddNode("ReduceMean", prefix + "columns_mean", [columns], all, Int("keepdims", 1)), all, prefix + "columns");
        string[] logs = [.. new[] { (sd, "sd"), (dx, "dx"), (dy, "dy"), (rowSd, "row_sd"), (columnSd, "column_sd") }
            .Select(t => graph.AddNode("Log", prefix + "log_" + t.Item2, [graph.AddNode("Add", prefix + "eps_" + t.Item2, [t.Item1, eps])]))];
        var flat = new[] { mean, logs[0], logs[1], logs[2], darkShare, logs[3], logs[4] }
            .Select((t, i) => graph.AddNode("Flatten", $"{prefix}stat{i}", [t], Int("axis", 1))).ToArray();
        return graph.AddNode("Concat", prefix + "statistics", flat, Int("axis", 1));
    }

    /// <summary>sqrt(ReduceMean((t − mean)²)), <c>[N,1,1,1]</c>.</summary>
    private static string Sd(OnnxGraphBuilder graph, string tensor, string mean, Proto.AttributeProto axes, string prefix)
    {
        var centred = graph.AddNode("Sub", prefix + "_centred", [tensor, mean]);
        var variance = graph.AddNode("ReduceMean", prefix + "_variance", [graph.AddNode("Mul", prefix + "_squares", [centred, centred])], axes, Int("keepdims", 1));
        return graph.AddNode("Sqrt", prefix + "_sd", [variance]);
    }

    /// <summary>mean |x[…, i+1] − x[…, i]| along <paramref name="axis"/> (2 = rows, 3 = columns), <c>[N,1,1,1]</c>.</summary>
    private static string MeanAbsDifference(OnnxGraphBuilder graph, string image, int axis, int length, Proto.AttributeProto all, string prefix)
    {
        var axes = graph.AddInt64Initializer(prefix + "_axis", axis);
        var tail = graph.AddNode("Slice", prefix + "_tail", [image, graph.AddInt64Initializer(prefix + "_tail_start", 1), graph.AddInt64Initializer(prefix + "_tail_end", length), axes]);
        var head = graph.AddNode("Slice", prefix + "_head", [image, graph.AddInt64Initializer(prefix + "_head_start", 0), graph.AddInt64Initializer(prefix + "_head_end", length - 1), axes]);
        var diff = graph.AddNode("Abs", prefix + "_abs", [graph.AddNode("Sub", prefix + "_diff", [tail, head])]);
        return graph.AddNode("ReduceMean", prefix + "_mean", [diff], all, Int("keepdims", 1));
    }
}
