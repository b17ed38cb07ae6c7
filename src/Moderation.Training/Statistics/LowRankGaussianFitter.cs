using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.TensorExtensionMethods;

namespace Moderation.Training.Statistics;

/// <summary>
/// Fits a <see cref="LowRankGaussian"/> to feature vectors with TorchSharp in float64: the mean, the Ledoit–Wolf (2004)
/// shrinkage intensity towards tr(S)/F·I (the estimator of scikit-learn's <c>ledoit_wolf</c>), and the K leading
/// eigenpairs of the sample covariance S (1/n normalisation) — exactly by eigen-decomposition (<c>linalg.eigh</c> of S,
/// or of the Gram matrix when F &gt; n) when K is large relative to min(n, F), otherwise by seeded subspace iteration
/// with a Rayleigh–Ritz step (Halko, Martinsson &amp; Tropp 2011, Alg. 4.4 + 5.3).
/// </summary>
public static class LowRankGaussianFitter
{
    /// <summary>Subspace-iteration passes used when the exact decomposition is skipped; default 6.</summary>
    public const int DefaultIterations = 6;

    /// <summary>Fits the model.</summary>
    /// <param name="samples">Feature vectors float32 <c>[count, dimension]</c> row-major.</param>
    /// <param name="count">n ≥ 2 samples.</param>
    /// <param name="dimension">F ≥ 2.</param>
    /// <param name="rank">K in [1, min(n, F)).</param>
    /// <param name="seed">Seed of the subspace iteration's random start.</param>
    /// <param name="iterations">Subspace-iteration passes ≥ 0; 0 forces the exact decomposition.</param>
    /// <exception cref="ArgumentException">Wrong buffer length, count, dimension, rank or iterations.</exception>
    /// <exception cref="InvalidOperationException">The features have no variance outside the leading directions.</exception>
    public static LowRankGaussian Fit(ReadOnlySpan<float> samples, int count, int dimension, int rank, long seed = 0,
        int iterations = DefaultIterations)
    {
        if (samples.Length != (long)count * dimension)
            throw new ArgumentException($"samples hold {samples.Length} floats, expected {count}·{dimension}", nameof(samples));
        if (count < 2 || dimension < 1) throw new ArgumentException($"need at least 2 samples of dimension >= 1, got {count} of {dimension}");
        if (rank < 1 || rank >= dimension || rank >= count) throw new ArgumentException($"rank must be in [1, min(count, dimension)), got {rank}", nameof(rank));
        ArgumentOutOfRangeException.ThrowIfNegative(iterations);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        double n = count, d = dimension;
        var x = tensor(samples.ToArray(), [count, dimension]).to_type(ScalarType.Float64);
        var mean = x.mean([0]);
        x = x - mean;

        // Ledoit & Wolf 2004, Lemma 3.2–3.4 with the trace-scaled identity as target:
        //   m = tr(S)/d, δ² = ‖S − mI‖²/d, β̄² = (Σ_k ‖x_k‖⁴/n − ‖S‖²)/(n·d), shrinkage = min(β̄², δ²)/δ².
        // ‖S‖²_F = ‖XᵀX‖²_F/n² = ‖XXᵀ‖²_F/n² (the smaller Gram matrix).
        var gram = dimension <= count ? x.t().mm(x) : x.mm(x.t());
        double frobenius2 = gram.pow(2).sum().item<double>() / (n * n);
        var rowNorms2 = x.pow(2).sum(1);
        double trace = rowNorms2.sum().item<double>() / n, m = trace / d;
        double delta = (frobenius2 - 2 * m * trace + d * m * m) / d;
        double beta = Math.Min((rowNorms2.pow(2).sum().item<double>() / n - frobenius2) / (n * d), delta);
        double shrinkage = delta > 0 ? Math.Max(0, beta / delta) : 1;

        Tensor values, vectors;
        if (iterations == 0 || 4L * rank >= Math.Min(count, dimension))
        {
            // Exact: eigenvectors of S directly, or of the Gram matrix mapped through Xᵀ (v = Xᵀu/√(nλ)).
            var (all, allVectors) = DescendingEigh(gram / n);
            values = all[..rank];
            var top = allVectors[.., ..rank];
            vectors = dimension <= count ? top : x.t().mm(top) / (values * n).sqrt().clamp_min(1e-30);
        }
        else (values, vectors) = LeadingEigh(x, rank, iterations, seed);

        var shrunk = (1 - shrinkage) * values + shrinkage * m;
        double rest = Math.Max(0, trace - values.sum().item<double>());
        double residual = ((1 - shrinkage) * rest + shrinkage * m * (d - rank)) / (d - rank);
        if (!(residual > 0)) throw new InvalidOperationException("the features have zero variance outside the leading directions and no shrinkage");
        return new LowRankGaussian(Floats(mean), Floats(vectors), Floats(shrunk), residual, shrinkage);
    }

    /// <summary>Eigenpairs of a symmetric matrix, eigenvalues descending and clamped at 0, vectors as columns.</summary>
    private static (Tensor Values, Tensor Vectors) DescendingEigh(Tensor symmetric)
    {
        var (values, vectors) = linalg.eigh(symmetric);
        return (values.flip(0).clamp_min(0), vectors.flip(1));
    }

    /// <summary>Leading k eigenpairs of S = XᵀX/n (X centred, [n,d]): <paramref name="iterations"/> passes of
    /// Q ← orth(XᵀX Q) from a seeded Gaussian start with k + max(16, k/4) columns, then Rayleigh–Ritz.</summary>
    private static (Tensor Values, Tensor Vectors) LeadingEigh(Tensor x, int k, int iterations, long seed)
    {
        long n = x.shape[0], d = x.shape[1], columns = Math.Min(d, k + Math.Max(16, k / 4));
        var start = randn([d, columns], dtype: ScalarType.Float64, generator: new Generator(unchecked((ulong)seed)));
        var q = linalg.qr(start).Q;
        for (int i = 0; i < iterations; i++) q = linalg.qr(x.t().mm(x.mm(q))).Q;
        var xq = x.mm(q);
        var (values, vectors) = DescendingEigh(xq.t().mm(xq) / n);
        return (values[..k], q.mm(vectors[.., ..k]));
    }

    private static float[] Floats(Tensor t) => t.to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
}
