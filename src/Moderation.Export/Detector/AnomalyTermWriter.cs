using Moderation.Export.Graph;
using static Moderation.Export.Graph.OnnxGraphBuilder;

namespace Moderation.Export.Detector;

/// <summary>Writes the nodes of one <see cref="AnomalyTerm"/>: tap → AveragePool → Flatten → Sub(μ) → statistic →
/// (statistic − offset)·(1/scale), a <c>[N,1]</c> tensor.</summary>
internal static class AnomalyTermWriter
{
    /// <summary>Appends the term reading <paramref name="tapped"/>; returns the standardised <c>[N,1]</c> tensor name.</summary>
    public static string Append(OnnxGraphBuilder graph, AnomalyTerm term, string prefix, string tapped)
    {
        var source = tapped;
        if (term.Tap.Pool > 1)
        {
            int p = term.Tap.Pool;
            source = graph.AddNode("AveragePool", prefix + "pooled", [tapped], Ints("kernel_shape", p, p), Ints("strides", p, p));
        }
        var flat = graph.AddNode("Flatten", prefix + "f", [source], Int("axis", 1));
        var centred = graph.AddNode("Sub", prefix + "centred", [flat, graph.AddInitializer(prefix + "mean", [term.Dimension], term.Mean)]);
        var axes = graph.AddInt64Initializer(prefix + "axes", 1);
        var statistic = term switch
        {
            GaussianTerm g => Gaussian(graph, g, prefix, centred, axes),
            NearestNeighbourTerm n => NearestNeighbour(graph, n, prefix, centred, axes),
            _ => throw new NotSupportedException($"anomaly term {term.GetType().Name} has no ONNX mapping"),
        };
        return Standardise(graph, prefix, statistic, term.Offset, term.Scale);
    }

    /// <summary>(statistic − offset)·(1/scale), the standardisation every term of <c>anomaly_score</c> ends with.</summary>
    internal static string Standardise(OnnxGraphBuilder graph, string prefix, string statistic, double offset, double scale)
    {
        var shifted = graph.AddNode("Sub", prefix + "shifted", [statistic, Scalar(graph, prefix + "offset", offset)]);
        return graph.AddNode("Mul", prefix + "standardised", [shifted, Scalar(graph, prefix + "inverse_scale", 1 / scale)]);
    }

    /// <summary>d² = ReduceSum(P²·(1/λ)) + max(0, ReduceSum(c²) − ReduceSum(P²))·(1/σ²) with P = c·V.</summary>
    private static string Gaussian(OnnxGraphBuilder graph, GaussianTerm g, string prefix, string centred, string axes)
    {
        var projected = graph.AddNode("MatMul", prefix + "projected", [centred, graph.AddInitializer(prefix + "components", [g.Dimension, g.Rank], g.Components)]);
        var squares = graph.AddNode("Mul", prefix + "projected_squares", [projected, projected]);
        var weighted = graph.AddNode("Mul", prefix + "weighted", [squares, graph.AddInitializer(prefix + "inverse_variances", [g.Rank], g.InverseVariances)]);
        var inner = graph.AddNode("ReduceSum", prefix + "inner", [weighted, axes], Int("keepdims", 1));
        var centredSquares = graph.AddNode("Mul", prefix + "centred_squares", [centred, centred]);
        var total = graph.AddNode("ReduceSum", prefix + "total", [centredSquares, axes], Int("keepdims", 1));
        var explained = graph.AddNode("ReduceSum", prefix + "explained", [squares, axes], Int("keepdims", 1));
        var rest = graph.AddNode("Sub", prefix + "rest", [total, explained]);
        var clipped = graph.AddNode("Max", prefix + "rest_clipped", [rest, Scalar(graph, prefix + "zero", 0)]);
        var residual = graph.AddNode("Mul", prefix + "residual", [clipped, Scalar(graph, prefix + "inverse_residual", g.InverseResidualVariance)]);
        return graph.AddNode("Add", prefix + "statistic", [inner, residual]);
    }

    /// <summary>min_b ‖p − r_b‖² = max(0, ReduceMin(‖r‖² − 2·p·Rᵀ) + ‖p‖²) with p = c·W.</summary>
    private static string NearestNeighbour(OnnxGraphBuilder graph, NearestNeighbourTerm n, string prefix, string centred, string axes)
    {
        int k = n.Rank, b = n.ReferenceCount;
        var transposed = new float[(long)k * b];
        var norms = new float[b];
        for (int r = 0; r < b; r++)
        {
            double norm = 0;
            for (int j = 0; j < k; j++)
            {
                float v = n.References[(long)r * k + j];
                transposed[(long)j * b + r] = -2 * v;
                norm += (double)v * v;
            }
            norms[r] = (float)norm;
        }
        var projected = graph.AddNode("MatMul", prefix + "projected", [centred, graph.AddInitializer(prefix + "projection", [n.Dimension, k], n.Projection)]);
        var cross = graph.AddNode("MatMul", prefix + "cross", [projected, graph.AddInitializer(prefix + "references_t_minus2", [k, b], transposed)]);
        var partial = graph.AddNode("Add", prefix + "partial", [cross, graph.AddInitializer(prefix + "reference_norms", [b], norms)]);
        var nearest = graph.AddNode("ReduceMin", prefix + "nearest", [partial], Ints("axes", 1), Int("keepdims", 1));
        var squares = graph.AddNode("Mul", prefix + "projected_squares", [projected, projected]);
        var own = graph.AddNode("ReduceSum", prefix + "projected_norm", [squares, axes], Int("keepdims", 1));
        var distance = graph.AddNode("Add", prefix + "distance", [nearest, own]);
        return graph.AddNode("Max", prefix + "statistic", [distance, Scalar(graph, prefix + "zero", 0)]);
    }

    private static string Scalar(OnnxGraphBuilder graph, string name, double value) => graph.AddInitializer(name, [1], [(float)value]);
}
