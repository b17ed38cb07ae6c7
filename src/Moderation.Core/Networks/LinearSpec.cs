namespace Moderation.Core.Networks;

/// <summary>Fully connected layer <c>[In] → [Out]</c>, y = x·Wᵀ + b (PyTorch <c>nn.Linear</c>, ONNX <c>Gemm</c> with
/// transB=1). Weight shape <c>[Out,In]</c>, bias <c>[Out]</c>.</summary>
/// <param name="In">Input features.</param>
/// <param name="Out">Output features.</param>
/// <param name="Bias">Whether the layer has a bias.</param>
public sealed record LinearSpec(int In, int Out, bool Bias) : LayerSpec
{
    /// <inheritdoc />
    public override string ToSpecToken() => $"linear {In} {Out} {(Bias ? 1 : 0)}";

    /// <inheritdoc />
    public override int[] OutputShape(int[] input)
    {
        if (input.Length != 1 || input[0] != In)
            throw new ArgumentException($"linear expects [{In}], got [{string.Join(',', input)}]", nameof(input));
        return [Out];
    }
}
