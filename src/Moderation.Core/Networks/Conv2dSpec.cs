namespace Moderation.Core.Networks;

/// <summary>2-D convolution <c>[C_in,H,W] → [C_out,H',W']</c>, H' = (H + 2·padding − kernel) / stride + 1
/// (PyTorch <c>nn.Conv2d</c>, ONNX <c>Conv</c>). Weight shape <c>[C_out,C_in,k,k]</c>, bias <c>[C_out]</c>.</summary>
/// <param name="InChannels">Input channels C_in.</param>
/// <param name="OutChannels">Output channels C_out.</param>
/// <param name="Kernel">Square kernel size k.</param>
/// <param name="Stride">Stride.</param>
/// <param name="Padding">Zero padding on every side.</param>
/// <param name="Bias">Whether the layer has a bias.</param>
public sealed record Conv2dSpec(int InChannels, int OutChannels, int Kernel, int Stride, int Padding, bool Bias) : LayerSpec
{
    /// <inheritdoc />
    public override string ToSpecToken() =>
        $"conv2d {InChannels} {OutChannels} {Kernel} {Stride} {Padding} {(Bias ? 1 : 0)}";

    /// <inheritdoc />
    public override int[] OutputShape(int[] input)
    {
        if (input.Length != 3 || input[0] != InChannels)
            throw new ArgumentException($"conv2d expects [{InChannels},H,W], got [{string.Join(',', input)}]", nameof(input));
        int h = (input[1] + 2 * Padding - Kernel) / Stride + 1, w = (input[2] + 2 * Padding - Kernel) / Stride + 1;
        return [OutChannels, h, w];
    }
}
