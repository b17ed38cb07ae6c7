namespace Moderation.Core.Networks;

/// <summary>
/// A feed-forward network as an ordered list of layers: the single source of truth shared by the TorchSharp modules
/// (one child module per layer) and the ONNX exporter.
/// </summary>
/// <param name="Name">Short name, e.g. <c>discriminator</c>.</param>
/// <param name="InputShape">Input shape without the batch dimension, e.g. <c>[1,28,28]</c> or <c>[100]</c>.</param>
/// <param name="Layers">Layers in order.</param>
/// <param name="FeatureLayer">Index of the layer whose output is the <c>features</c> output (the activations feeding the
/// last layer), or −1 when the network exposes no features.</param>
public sealed record NetworkSpec(string Name, int[] InputShape, IReadOnlyList<LayerSpec> Layers, int FeatureLayer = -1)
{
    /// <summary>The network as text for the model card's architecture field: one layer token per line, prefixed by <c>input d1 d2 …</c>.</summary>
    public string ToNativeSpec() =>
        $"input {string.Join(' ', InputShape)}\n" + string.Join('\n', Layers.Select(l => l.ToSpecToken()));

    /// <summary>Shape (without batch) after each layer; element i is the output of layer i.</summary>
    /// <exception cref="ArgumentException">Consecutive layers do not fit together.</exception>
    public IReadOnlyList<int[]> LayerOutputShapes()
    {
        var shapes = new List<int[]>(Layers.Count);
        var current = InputShape;
        foreach (var layer in Layers)
        {
            current = layer.OutputShape(current);
            shapes.Add(current);
        }
        return shapes;
    }

    /// <summary>Output shape without the batch dimension.</summary>
    public int[] OutputShape => LayerOutputShapes()[^1];

    /// <summary>Number of feature dimensions F of the <c>features</c> output (product of the feature layer's shape), 0 if none.</summary>
    public int FeatureCount => FeatureLayer < 0 ? 0 : LayerOutputShapes()[FeatureLayer].Aggregate(1, (a, b) => a * b);
}
