namespace Moderation.Core.Networks;

/// <summary>A named float32 tensor, row-major, e.g. a network parameter <c>"0.weight"</c> of shape <c>[64,1,4,4]</c>.</summary>
/// <param name="Name">Parameter or buffer name (libtorch <c>Sequential</c> naming, see <see cref="LayerSpec"/>).</param>
/// <param name="Shape">Dimensions.</param>
/// <param name="Data">Values, length = product of <paramref name="Shape"/>.</param>
public sealed record NamedTensor(string Name, int[] Shape, float[] Data)
{
    /// <summary>Number of elements.</summary>
    public int Length => Shape.Aggregate(1, (a, b) => a * b);
}
