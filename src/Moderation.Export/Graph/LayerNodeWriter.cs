using Moderation.Core.Networks;
using static Moderation.Export.Graph.OnnxGraphBuilder;

namespace Moderation.Export.Graph;

/// <summary>
/// Writes the ONNX nodes of one <see cref="LayerSpec"/> (operator semantics: ONNX Operators.md, opset 17; parameter
/// layouts as PyTorch's). Initializers are named like the libtorch parameters, e.g. <c>"0.weight"</c>.
/// </summary>
internal static class LayerNodeWriter
{
    /// <summary>Appends layer <paramref name="index"/> reading tensor <paramref name="input"/>; returns its output
    /// tensor, named <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentException">A parameter is missing or mis-shaped.</exception>
    /// <exception cref="NotSupportedException">The layer type has no ONNX mapping.</exception>
    public static string Append(OnnxGraphBuilder graph, LayerSpec layer, int index, string input, string output, ParameterSource parameters) =>
        layer switch
        {
            Conv2dSpec c => graph.AddNode("Conv", output,
                WeightAndBias(graph, parameters, index, input, c.Bias, c.OutChannels, [c.OutChannels, c.InChannels, c.Kernel, c.Kernel]),
                ConvAttributes(c.Kernel, c.Stride, c.Padding)),
            ConvTranspose2dSpec t => graph.AddNode("ConvTranspose", output,
                WeightAndBias(graph, parameters, index, input, t.Bias, t.OutChannels, [t.InChannels, t.OutChannels, t.Kernel, t.Kernel]),
                ConvAttributes(t.Kernel, t.Stride, t.Padding)),
            BatchNorm2dSpec b => BatchNorm(graph, parameters, index, input, output, b),
            ActivationSpec a => Activation(graph, input, output, a),
            FlattenSpec => graph.AddNode("Flatten", output, [input], Int("axis", 1)),
            UnflattenSpec u => graph.AddNode("Reshape", output,
                [input, graph.AddInt64Initializer($"{index}.shape", -1, u.Channels, u.Height, u.Width)]),
            LinearSpec l => graph.AddNode("Gemm", output,
                WeightAndBias(graph, parameters, index, input, l.Bias, l.Out, [l.Out, l.In]),
                Float("alpha", 1f), Float("beta", 1f), Int("transB", 1)),
            UpsampleSpec u => Upsample(graph, index, input, output, u),
            PixelShuffleSpec p => graph.AddNode("DepthToSpace", output, [input], Int("blocksize", p.Factor), Text("mode", "CRD")),
            _ => throw new NotSupportedException($"layer {index} ({layer.GetType().Name}) has no ONNX mapping"),
        };

    /// <summary>Resize with scales [1,1,s,s] and no ROI: nearest = asymmetric coordinates with floor rounding (PyTorch's
    /// <c>nearest</c>), bilinear = <c>linear</c> with half-pixel coordinates (PyTorch's <c>align_corners=False</c>).</summary>
    private static string Upsample(OnnxGraphBuilder graph, int index, string input, string output, UpsampleSpec u)
    {
        var scales = graph.AddInitializer($"{index}.scales", [4], [1f, 1f, u.Scale, u.Scale]);
        return u.Mode == UpsampleMode.Nearest
            ? graph.AddNode("Resize", output, [input, "", scales], Text("mode", "nearest"),
                Text("coordinate_transformation_mode", "asymmetric"), Text("nearest_mode", "floor"))
            : graph.AddNode("Resize", output, [input, "", scales], Text("mode", "linear"),
                Text("coordinate_transformation_mode", "half_pixel"));
    }

    /// <summary>Conv/ConvTranspose attributes for a square kernel, equal stride and symmetric zero padding.</summary>
    private static Proto.AttributeProto[] ConvAttributes(int kernel, int stride, int padding) =>
    [
        Ints("kernel_shape", kernel, kernel),
        Ints("strides", stride, stride),
        Ints("pads", padding, padding, padding, padding),
        Ints("dilations", 1, 1),
        Int("group", 1),
    ];

    /// <summary>[input, weight] or [input, weight, bias] with the initializers added.</summary>
    private static string[] WeightAndBias(
        OnnxGraphBuilder graph, ParameterSource parameters, int index, string input, bool bias, int outFeatures, int[] weightShape)
    {
        var weight = parameters.Take(index, "weight", weightShape);
        var inputs = new List<string> { input, graph.AddInitializer(weight.Name, weight.Shape, weight.Data) };
        if (bias)
        {
            var b = parameters.Take(index, "bias", outFeatures);
            inputs.Add(graph.AddInitializer(b.Name, b.Shape, b.Data));
        }
        return inputs.ToArray();
    }

    /// <summary>BatchNormalization in inference mode: y = γ·(x − running_mean)/√(running_var + ε) + β.
    /// ONNX's momentum weighs the old running value (PyTorch's weighs the new batch), hence 1 − momentum;
    /// it does not affect inference.</summary>
    private static string BatchNorm(OnnxGraphBuilder graph, ParameterSource parameters, int index, string input, string output, BatchNorm2dSpec b)
    {
        var inputs = new List<string> { input };
        foreach (var suffix in new[] { "weight", "bias", "running_mean", "running_var" })
        {
            var p = parameters.Take(index, suffix, b.Features);
            inputs.Add(graph.AddInitializer(p.Name, p.Shape, p.Data));
        }
        return graph.AddNode("BatchNormalization", output, inputs,
            Float("epsilon", (float)b.Epsilon), Float("momentum", (float)(1 - b.Momentum)));
    }

    private static string Activation(OnnxGraphBuilder graph, string input, string output, ActivationSpec a) => a.Kind switch
    {
        ActivationKind.Relu => graph.AddNode("Relu", output, [input]),
        ActivationKind.LeakyRelu => graph.AddNode("LeakyRelu", output, [input], Float("alpha", (float)a.NegativeSlope)),
        ActivationKind.Tanh => graph.AddNode("Tanh", output, [input]),
        ActivationKind.Sigmoid => graph.AddNode("Sigmoid", output, [input]),
        _ => throw new NotSupportedException($"activation {a.Kind} has no ONNX mapping"),
    };
}
