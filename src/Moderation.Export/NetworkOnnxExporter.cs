using System.ComponentModel.DataAnnotations;
using Moderation.Core.Networks;
using Moderation.Export.Graph;
using Moderation.Export.Proto;

namespace Moderation.Export;

/// <summary>
/// Writes a <see cref="NetworkSpec"/> with its trained parameters as an ONNX model (IR version 8, opset 17), node by
/// node from the same layer records the TorchSharp modules are built from (weights: the modules' parameters and buffers).
/// <list type="bullet">
/// <item>Discriminator (<see cref="NetworkSpec.FeatureLayer"/> ≥ 0): input <c>image</c> float32 <c>[N, input…]</c>
/// (<c>[N,1,28,28]</c> in [−1,1] for DCGAN); outputs <c>logit</c> <c>[N,1]</c>, <c>features</c> <c>[N,F]</c> (the
/// feature layer's output, flattened) and <c>anomaly_score</c> <c>[N,1]</c> = −logit (the feature-based scores are
/// built by <see cref="Detector.DetectorOnnxExporter"/>).</item>
/// <item>Generator (FeatureLayer &lt; 0): input <c>z</c> <c>[N, input…]</c>; output <c>image</c> <c>[N, output…]</c>
/// (<c>[N,1,28,28]</c> in (−1,1) for DCGAN).</item>
/// </list>
/// N is the symbolic dimension <c>N</c>. Mapping: Conv2d→Conv, ConvTranspose2d→ConvTranspose,
/// BatchNorm2d→BatchNormalization (inference, running statistics), activations→Relu/LeakyRelu/Tanh/Sigmoid,
/// Flatten→Flatten(axis 1), Unflatten→Reshape([−1,C,H,W]), Linear→Gemm(transB=1).
/// </summary>
public static class NetworkOnnxExporter
{
    /// <summary>ONNX IR version written (<c>ModelProto.ir_version</c>).</summary>
    public const int IrVersion = 8;

    /// <summary>Opset version of the default ai.onnx domain.</summary>
    public const int OpsetVersion = 17;

    /// <summary>Exports the network to <paramref name="path"/> (written to a temporary file, then moved into place).</summary>
    /// <param name="spec">The network.</param>
    /// <param name="parameters">Parameters and buffers by libtorch Sequential name (<c>"{i}.weight"</c>, <c>"{i}.bias"</c>,
    /// <c>"{i}.running_mean"</c>, <c>"{i}.running_var"</c>; BatchNorm weight/bias are γ/β); extra entries are ignored.</param>
    /// <param name="path">Output file; its folder is created if missing.</param>
    /// <param name="options">Producer name.</param>
    /// <returns>Lower-case hex SHA-256 of the written file (for the model card).</returns>
    /// <exception cref="ArgumentException">Layers do not fit together, a parameter is missing or mis-shaped, a
    /// discriminator's last layer does not output one value.</exception>
    /// <exception cref="ValidationException"><paramref name="options"/> is invalid.</exception>
    /// <exception cref="NotSupportedException">A layer type has no ONNX mapping.</exception>
    public static string Export(NetworkSpec spec, IReadOnlyDictionary<string, NamedTensor> parameters, string path, OnnxExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(parameters);
        var discriminator = spec.FeatureLayer >= 0;
        return OnnxModelFile.Write(() => BuildGraph(spec, parameters), () =>
            discriminator
                ? [("moderation.spec", spec.ToNativeSpec()), ("moderation.anomaly_score", NegatedLogit)]
                : [("moderation.spec", spec.ToNativeSpec())],
            path, options);
    }

    /// <summary>Name of the discriminator's <c>anomaly_score</c> (−logit) in the model metadata (<c>moderation.anomaly_score</c>).</summary>
    public const string NegatedLogit = "neg_logit";

    private static GraphProto BuildGraph(NetworkSpec spec, IReadOnlyDictionary<string, NamedTensor> parameters)
    {
        var shapes = spec.LayerOutputShapes();
        var discriminator = spec.FeatureLayer >= 0;
        if (spec.FeatureLayer >= spec.Layers.Count)
            throw new ArgumentException($"feature layer {spec.FeatureLayer} is past the last layer", nameof(spec));
        if (discriminator && shapes[^1] is not [1])
            throw new ArgumentException($"a discriminator's last layer must output [1], got [{string.Join(',', shapes[^1])}]", nameof(spec));

        var graph = new OnnxGraphBuilder(spec.Name);
        var source = new ParameterSource(parameters);
        var current = graph.AddInput(discriminator ? OnnxTensorNames.Image : OnnxTensorNames.Latent, spec.InputShape);
        var featureTensor = current;
        for (var i = 0; i < spec.Layers.Count; i++)
        {
            var last = i == spec.Layers.Count - 1;
            var output = !last ? $"{i}.output" : discriminator ? OnnxTensorNames.Logit : OnnxTensorNames.Image;
            current = LayerNodeWriter.Append(graph, spec.Layers[i], i, current, output, source);
            if (i == spec.FeatureLayer) featureTensor = current;
        }

        if (!discriminator)
        {
            graph.AddOutput(current, shapes[^1]);
            return graph.Build();
        }
        var featureCount = spec.FeatureCount;
        var features = shapes[spec.FeatureLayer].Length == 1
            ? graph.AddNode("Identity", OnnxTensorNames.Features, [featureTensor])
            : graph.AddNode("Flatten", OnnxTensorNames.Features, [featureTensor], OnnxGraphBuilder.Int("axis", 1));
        graph.AddNode("Neg", OnnxTensorNames.AnomalyScore, [current]);

        graph.AddOutput(OnnxTensorNames.Logit, [1]);
        graph.AddOutput(OnnxTensorNames.Features, [featureCount]);
        graph.AddOutput(OnnxTensorNames.AnomalyScore, [1]);
        return graph.Build();
    }
}
