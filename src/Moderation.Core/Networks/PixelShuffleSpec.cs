namespace Moderation.Core.Networks;

/// <summary>Sub-pixel convolution's rearrangement <c>[C·r²,H,W] → [C,r·H,r·W]</c>, no parameters (Shi et al. 2016,
/// "Real-Time Single Image and Video Super-Resolution Using an Efficient Sub-Pixel CNN"; PyTorch
/// <c>nn.PixelShuffle(r)</c>; ONNX <c>DepthToSpace</c> with <c>blocksize=r</c>, <c>mode="CRD"</c>, which orders channels
/// as PyTorch does: output (c, h·r+i, w·r+j) = input (c·r²+i·r+j, h, w)).</summary>
/// <param name="Factor">r ≥ 2.</param>
public sealed record PixelShuffleSpec(int Factor) : LayerSpec
{
    /// <inheritdoc />
    public override string ToSpecToken() => $"pixelshuffle {Factor}";

    /// <inheritdoc />
    public override int[] OutputShape(int[] input)
    {
        int block = Factor * Factor;
        if (input.Length != 3 || Factor < 2 || input[0] % block != 0)
            throw new ArgumentException($"pixelshuffle {Factor} expects [C·{block},H,W], got [{string.Join(',', input)}]", nameof(input));
        return [input[0] / block, input[1] * Factor, input[2] * Factor];
    }
}
