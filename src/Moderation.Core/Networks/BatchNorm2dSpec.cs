namespace Moderation.Core.Networks;

/// <summary>Batch normalisation over channels of <c>[C,H,W]</c> (Ioffe &amp; Szegedy 2015; PyTorch
/// <c>nn.BatchNorm2d</c>, ONNX <c>BatchNormalization</c> in inference mode). Parameters <c>weight</c>, <c>bias</c>,
/// buffers <c>running_mean</c>, <c>running_var</c>, all <c>[C]</c>.</summary>
/// <param name="Features">Channels C.</param>
/// <param name="Epsilon">Added to the variance; PyTorch default 1e-5.</param>
/// <param name="Momentum">Running-statistics momentum; PyTorch default 0.1.</param>
public sealed record BatchNorm2dSpec(int Features, double Epsilon = 1e-5, double Momentum = 0.1) : LayerSpec
{
    /// <inheritdoc />
    public override string ToSpecToken() => $"batchnorm2d {Features} {F(Epsilon)} {F(Momentum)}";

    /// <inheritdoc />
    public override int[] OutputShape(int[] input)
    {
        if (input.Length != 3 || input[0] != Features)
            throw new ArgumentException($"batchnorm2d expects [{Features},H,W], got [{string.Join(',', input)}]", nameof(input));
        return input;
    }
}
