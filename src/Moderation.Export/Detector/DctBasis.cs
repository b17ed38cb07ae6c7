namespace Moderation.Export.Detector;

/// <summary>The orthonormal DCT-II matrix (Ahmed, Natarajan &amp; Rao 1974, "Discrete Cosine Transform", IEEE Trans.
/// Computers C-23): C[k,i] = s_k·cos(π(2i + 1)k / 2n), s_0 = √(1/n), s_k = √(2/n) for k ≥ 1, so C·Cᵀ = I and the 2-D
/// transform of an n×n image X is C·X·Cᵀ.</summary>
public static class DctBasis
{
    /// <summary>C, float32 <c>[n,n]</c> row-major (row k = frequency k).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> &lt; 1.</exception>
    public static float[] Orthonormal(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var c = new float[n * n];
        for (int k = 0; k < n; k++)
        {
            double s = Math.Sqrt((k == 0 ? 1.0 : 2.0) / n);
            for (int i = 0; i < n; i++) c[k * n + i] = (float)(s * Math.Cos(Math.PI * (2 * i + 1) * k / (2.0 * n)));
        }
        return c;
    }
}
