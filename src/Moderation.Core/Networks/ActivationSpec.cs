namespace Moderation.Core.Networks;

/// <summary>Element-wise activation; shape unchanged.</summary>
/// <param name="Kind">Which activation.</param>
/// <param name="NegativeSlope">Slope for x &lt; 0 when <paramref name="Kind"/> is <see cref="ActivationKind.LeakyRelu"/>
/// (DCGAN uses 0.2, Radford et al. 2016).</param>
public sealed record ActivationSpec(ActivationKind Kind, double NegativeSlope = 0.0) : LayerSpec
{
    /// <inheritdoc />
    public override string ToSpecToken() => Kind switch
    {
        ActivationKind.Relu => "relu",
        ActivationKind.LeakyRelu => $"leakyrelu {F(NegativeSlope)}",
        ActivationKind.Tanh => "tanh",
        ActivationKind.Sigmoid => "sigmoid",
        _ => throw new InvalidOperationException($"unknown activation {Kind}"),
    };

    /// <inheritdoc />
    public override int[] OutputShape(int[] input) => input;
}
