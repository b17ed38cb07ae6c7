namespace Moderation.Core.Networks;

/// <summary>Flattens <c>[d1,…,dk]</c> to <c>[d1·…·dk]</c> (PyTorch <c>nn.Flatten</c>, ONNX <c>Flatten</c> axis 1).</summary>
public sealed record FlattenSpec : LayerSpec
{
    /// <inheritdoc />
    public override string ToSpecToken() => "flatten";

    /// <inheritdoc />
    public override int[] OutputShape(int[] input) => [input.Aggregate(1, (a, b) => a * b)];
}
