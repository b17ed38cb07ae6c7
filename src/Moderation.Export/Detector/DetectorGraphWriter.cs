using Moderation.Core.Networks;
using Moderation.Export.Graph;
using Moderation.Export.Proto;
using static Moderation.Export.Graph.OnnxGraphBuilder;

namespace Moderation.Export.Detector;

/// <summary>Builds the detector graph: D's layers (shared contract outputs), the anomaly terms read from D's layer
/// outputs, the degenerate-image check on the image statistics, and the prefixed synthetic classifier (its own spec when <see cref="DetectorModel.SyntheticSpec"/> is set). Operator semantics: ONNX Operators.md, opset 17.</summary>
internal static class DetectorGraphWriter
{
    /// <summary>Prefix of the synthetic classifier's tensors.</summary>
    internal const string SyntheticPrefix = "synthetic.";

    public static GraphProto Build(DetectorModel model)
    {
        var spec = model.Discriminator;
        var shapes = spec.LayerOutputShapes();
        if (spec.FeatureLayer < 0 || spec.FeatureLayer >= spec.Layers.Count)
            throw new ArgumentException("the detector needs a discriminator spec (0 <= FeatureLayer < layer count)", nameof(model));
        if (shapes[^1] is not [1])
            throw new ArgumentException($"a discriminator's last layer must output [1], got [{string.Join(',', shapes[^1])}]", nameof(model));
        if (model.AnomalyTerms.Count == 0) throw new ArgumentException("the detector needs at least one anomaly term", nameof(model));
        var syntheticSpec = model.SyntheticSpec ?? spec;
        if (syntheticSpec.LayerOutputShapes()[^1] is not [1] || !syntheticSpec.InputShape.SequenceEqual(spec.InputShape))
            throw new ArgumentException("the synthetic classifier must read D's input and output [1]", nameof(model));

        var graph = new OnnxGraphBuilder(spec.Name);
        var image = graph.AddInput(OnnxTensorNames.Image, spec.InputShape);
        var outputs = AppendNetwork(graph, spec, model.DiscriminatorParameters, image, "", OnnxTensorNames.Logit);
        var features = graph.AddNode("Flatten", OnnxTensorNames.Features, [outputs[spec.FeatureLayer]], Int("axis", 1));

        var standardised = new List<string>();
        string[]? transformLayers = null;
        if (model.Transform is { } transform)
        {
            (var score, transformLayers) = TransformTermWriter.Append(graph, transform, image);
            standardised.Add(score);
        }
        for (int t = 0; t < model.AnomalyTerms.Count; t++)
        {
            var term = model.AnomalyTerms[t];
            var (tensor, shape) = Tapped(graph, model, term.Tap, image, outputs, transformLayers, $"term{t}.");
            term.Validate(term.Tap.FeatureCount(shape));
            standardised.Add(AnomalyTermWriter.Append(graph, term, $"term{t}.", tensor));
        }
        if (standardised.Count == 1) graph.AddNode("Identity", OnnxTensorNames.AnomalyScore, standardised);
        else graph.AddNode("Sum", OnnxTensorNames.AnomalyScore, standardised);

        graph.AddOutput(OnnxTensorNames.Logit, [1]);
        graph.AddOutput(OnnxTensorNames.Features, [spec.FeatureCount]);
        graph.AddOutput(OnnxTensorNames.AnomalyScore, [1]);
        if (model.Degenerate is { } degenerate)
        {
            var statistics = ImageStatisticsWriter.Append(graph, image, spec.InputShape[1], spec.InputShape[2], "degenerate.");
            degenerate.Validate(ImageStatisticsWriter.Count);
            var score = AnomalyTermWriter.Append(graph, degenerate, "degenerate.term.", statistics);
            graph.AddNode("Identity", DetectorTensorNames.DegenerateScore, [score]);
            graph.AddOutput(DetectorTensorNames.DegenerateScore, [1]);
        }
        if (model.SyntheticParameters is { } synthetic)
        {
            var copy = AppendNetwork(graph, syntheticSpec, synthetic, image, SyntheticPrefix, SyntheticPrefix + OnnxTensorNames.Logit);
            if (model.Spectral is { } spectral)
            {
                if (spec.InputShape is not [1, var h, var w]) throw new ArgumentException("the spectral term needs a single-channel image input", nameof(model));
                spectral.Validate(h, w);
                var negated = graph.AddNode("Neg", SyntheticPrefix + "score", [copy[^1]]);
                var branch = SpectralTermWriter.Append(graph, spectral, image, h, SyntheticPrefix + "spectral.");
                graph.AddNode("Add", DetectorTensorNames.SyntheticScore, [negated, branch]);
            }
            else
            {
                graph.AddNode("Neg", DetectorTensorNames.SyntheticScore, [copy[^1]]);
            }
            graph.AddOutput(DetectorTensorNames.SyntheticScore, [1]);
        }
        else if (model.Spectral is not null)
        {
            throw new ArgumentException("a spectral term needs the synthetic classifier", nameof(model));
        }
        return graph.Build();
    }

    /// <summary>The tensor a tap reads and its shape without batch.</summary>
    private static (string Tensor, IReadOnlyList<int> Shape) Tapped(OnnxGraphBuilder graph, DetectorModel model, FeatureTap tap,
        string image, string[] discriminator, string[]? transformLayers, string prefix)
    {
        var spec = tap.Network == TapNetwork.TransformClassifier
            ? model.Transform?.Spec ?? throw new ArgumentException($"tap {tap} reads the transformation classifier, which the model lacks", nameof(model))
            : model.Discriminator;
        if (tap.Layer == FeatureTap.Input) return (image, spec.InputShape);
        if (tap.Layer < 0 || tap.Layer >= spec.Layers.Count)
            throw new ArgumentException($"tap {tap} reads layer {tap.Layer}, outside [-1, {spec.Layers.Count})", nameof(model));
        var shape = spec.LayerOutputShapes()[tap.Layer];
        return tap.Network == TapNetwork.TransformClassifier
            ? (TransformTermWriter.Untransformed(graph, transformLayers![tap.Layer], shape, prefix), shape)
            : (discriminator[tap.Layer], shape);
    }

    /// <summary>Appends every layer of <paramref name="spec"/>, its initializers and intermediate tensors named with
    /// <paramref name="prefix"/>; returns each layer's output tensor name (the last one is <paramref name="last"/>).</summary>
    internal static string[] AppendNetwork(OnnxGraphBuilder graph, NetworkSpec spec, IReadOnlyDictionary<string, NamedTensor> byName,
        string input, string prefix, string last)
    {
        var parameters = new ParameterSource(prefix.Length == 0 ? byName
            : byName.ToDictionary(p => p.Key, p => p.Value with { Name = prefix + p.Value.Name }, StringComparer.Ordinal));
        var names = new string[spec.Layers.Count];
        var current = input;
        for (int i = 0; i < spec.Layers.Count; i++)
        {
            var output = i == spec.Layers.Count - 1 ? last : $"{prefix}{i}.output";
            current = names[i] = LayerNodeWriter.Append(graph, spec.Layers[i], i, current, output, parameters);
        }
        return names;
    }
}
