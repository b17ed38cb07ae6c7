namespace Moderation.Core.Networks;

/// <summary>Up-sampling by an integer factor <c>[C,H,W] → [C,s·H,s·W]</c>, no parameters (PyTorch
/// <c>F.interpolate(x, scale_factor=s, mode=…)</c>, ONNX <c>Resize</c> with scales <c>[1,1,s,s]</c>). The generator
/// families "up-sample + convolution" (Odena et al. 2016, "Deconvolution and Checkerboard Artifacts") use it instead of a
/// transposed convolution.</summary>
/// <param name="Scale">Integer factor s ≥ 2.</param>
/// <param name="Mode">Nearest or bilinear.</param>
public sealed record UpsampleSpec(int Scale, UpsampleMode Mode) : LayerSpec
{
    /// <inheritdoc />
    public override string ToSpecToken() => $"upsample {Scale} {(Mode == UpsampleMode.Nearest ? "nearest" : "bilinear")}";

    /// <inheritdoc />
    public override int[] OutputShape(int[] input)
    {
        if (input.Length != 3) throw new ArgumentException($"upsample expects [C,H,W], got [{string.Join(',', input)}]", nameof(input));
        if (Scale < 2) throw new ArgumentException($"upsample scale must be >= 2, got {Scale}", nameof(input));
        return [input[0], input[1] * Scale, input[2] * Scale];
    }
}
