namespace Moderation.Core.Networks;

/// <summary>2-D transposed convolution <c>[C_in,H,W] → [C_out,H',W']</c>, H' = (H − 1)·stride − 2·padding + kernel
/// (PyTorch <c>nn.ConvTranspose2d</c>, ONNX <c>ConvTranspose</c>). Weight shape <c>[C_in,C_out,k,k]</c>.</summary>
/// <param name="InChannels">Input channels C_in.</param>
/// <param name="OutChannels">Output channels C_out.</param>
/// <param name="Kernel">Square kernel size k.</param>
/// <param name="Stride">Stride.</param>
/// <param name="Padding">Padding removed from every side of the output.</param>
/// <param name="Bias">Whether the layer has a bias.</param>
public sealed record ConvTranspose2dSpec(int InChannels, int OutChannels, int Kernel, int Stride, int Padding, bool Bias) : LayerSpec
{
    /// <inheritdoc />
    public override string ToSpecToken() =>
        $"convtranspose2d {InChannels} {OutChannels} {Kernel} {Stride} {Padding} {(Bias ? 1 : 0)}";

    /// <inheritdoc />
    public override int[] OutputShape(int[] input)
    {
        if (input.Length != 3 || input[0] != InChannels)
            throw new ArgumentException($"convtranspose2d expects [{InChannels},H,W], got [{string.Join(',', input)}]", nameof(input));
        int h = (input[1] - 1) * Stride - 2 * Padding + Kernel, w = (input[2] - 1) * Stride - 2 * Padding + Kernel;
        return [OutChannels, h, w];
    }
}
