namespace Moderation.Core.Networks;

/// <summary>Reshapes <c>[C·H·W]</c> to <c>[C,H,W]</c>, e.g. latent z <c>[100]</c> → <c>[100,1,1]</c>
/// (PyTorch <c>nn.Unflatten(1, (C,H,W))</c>, ONNX <c>Reshape</c>).</summary>
/// <param name="Channels">C.</param>
/// <param name="Height">H.</param>
/// <param name="Width">W.</param>
public sealed record UnflattenSpec(int Channels, int Height, int Width) : LayerSpec
{
    /// <inheritdoc />
    public override string ToSpecToken() => $"unflatten {Channels} {Height} {Width}";

    /// <inheritdoc />
    public override int[] OutputShape(int[] input)
    {
        if (input.Length != 1 || input[0] != Channels * Height * Width)
            throw new ArgumentException($"unflatten expects [{Channels * Height * Width}], got [{string.Join(',', input)}]", nameof(input));
        return [Channels, Height, Width];
    }
}
