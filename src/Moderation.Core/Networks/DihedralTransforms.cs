namespace Moderation.Core.Networks;

/// <summary>
/// The 8 symmetries of a square image (the dihedral group D4): transform t = r + 4·f is "mirror left–right if f = 1,
/// then rotate r quarter turns counter-clockwise", so t = 0 is the identity. One quarter turn maps
/// out[i,j] = in[j, W−1−i] (torch.rot90(x, 1, dims=(2,3)); in ONNX a Transpose of the last two axes followed by a
/// reversing Slice of the row axis). The ONNX detector graph applies the same transforms, so this class is their
/// single definition.
/// </summary>
public static class DihedralTransforms
{
    /// <summary>Number of transforms, 8.</summary>
    public const int Count = 8;

    /// <summary>Writes transform <paramref name="t"/> of one square single-channel image.</summary>
    /// <param name="source">float32 <c>[side·side]</c>, row-major.</param>
    /// <param name="side">Height = width in pixels.</param>
    /// <param name="t">Transform index in [0, 8).</param>
    /// <param name="destination">float32 <c>[side·side]</c>; must not overlap <paramref name="source"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="t"/> outside [0, 8).</exception>
    /// <exception cref="ArgumentException">A span is not side·side long.</exception>
    public static void Apply(ReadOnlySpan<float> source, int side, int t, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(t);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(t, Count);
        if (source.Length != side * side || destination.Length != side * side)
            throw new ArgumentException($"both images must hold {side}·{side} pixels");
        int r = t % 4;
        bool mirror = t >= 4;
        for (int i = 0; i < side; i++)
        {
            for (int j = 0; j < side; j++)
            {
                // walk back from out[i,j] through r quarter turns: out[i,j] = in[j, side−1−i]
                int y = i, x = j;
                for (int k = 0; k < r; k++) (y, x) = (x, side - 1 - y);
                if (mirror) x = side - 1 - x;
                destination[i * side + j] = source[y * side + x];
            }
        }
    }

    /// <summary>Transform <paramref name="t"/> of every image of a batch float32 <c>[n,1,side,side]</c>.</summary>
    /// <exception cref="ArgumentException">The batch length is not n·side·side.</exception>
    public static float[] ApplyAll(ReadOnlySpan<float> images, int n, int side, int t)
    {
        int size = side * side;
        if (images.Length != (long)n * size) throw new ArgumentException($"batch holds {images.Length} floats, expected {n}·{size}");
        var result = new float[images.Length];
        for (int i = 0; i < n; i++) Apply(images.Slice(i * size, size), side, t, result.AsSpan(i * size, size));
        return result;
    }
}
