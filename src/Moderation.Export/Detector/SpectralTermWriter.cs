using Moderation.Export.Graph;
using static Moderation.Export.Graph.OnnxGraphBuilder;

namespace Moderation.Export.Detector;

/// <summary>Writes <see cref="SpectralTerm"/>: MatMul(C, X) → MatMul(·, Cᵀ) → Abs → Add(ε) → Log → Flatten →
/// MatMul(w) → Add(b) → Mul(weight), a <c>[N,1]</c> tensor (MatMul broadcasts C over <c>[N,1,n,n]</c>, ONNX opset 17).</summary>
internal static class SpectralTermWriter
{
    /// <summary>Appends the branch reading <paramref name="image"/> (<c>[N,1,n,n]</c>); returns the weighted <c>[N,1]</c> tensor name.</summary>
    public static string Append(OnnxGraphBuilder graph, SpectralTerm term, string image, int size, string prefix)
    {
        var basis = DctBasis.Orthonormal(size);
        var transposed = new float[basis.Length];
        for (int k = 0; k < size; k++)
            for (int i = 0; i < size; i++) transposed[i * size + k] = basis[k * size + i];
        var rows = graph.AddNode("MatMul", prefix + "dct_rows", [graph.AddInitializer(prefix + "dct_basis", [size, size], basis), image]);
        var spectrum = graph.AddNode("MatMul", prefix + "spectrum", [rows, graph.AddInitializer(prefix + "dct_t", [size, size], transposed)]);
        var magnitude = graph.AddNode("Abs", prefix + "magnitude", [spectrum]);
        var lifted = graph.AddNode("Add", prefix + "lifted", [magnitude, graph.AddInitializer(prefix + "eps", [1], [SpectralTerm.Epsilon])]);
        var log = graph.AddNode("Log", prefix + "log_magnitude", [lifted]);
        var flat = graph.AddNode("Flatten", prefix + "features", [log], Int("axis", 1));
        var logit = graph.AddNode("MatMul", prefix + "logit_raw", [flat, graph.AddInitializer(prefix + "weights", [size * size, 1], term.Weights)]);
        var biased = graph.AddNode("Add", prefix + "logit", [logit, graph.AddInitializer(prefix + "bias", [1], [(float)term.Bias])]);
        return graph.AddNode("Mul", prefix + "weighted", [biased, graph.AddInitializer(prefix + "weight", [1], [(float)term.Weight])]);
    }
}
