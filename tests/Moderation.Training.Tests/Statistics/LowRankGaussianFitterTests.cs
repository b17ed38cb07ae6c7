using Moderation.Training.Statistics;
using Moderation.Training.Torch;

namespace Moderation.Training.Tests.Statistics;

public class LowRankGaussianFitterTests
{
    /// <summary>Rows ±c_i·e_i (two per axis) have mean 0 and covariance diag(2c_i²/n) exactly.</summary>
    [Fact]
    public void AxisAlignedDataGivesTheKnownMeanVariancesAndDirections()
    {
        double[] c = [4, 3, 2, 1, 0.5];
        int d = c.Length, n = 2 * d;
        var x = new float[n * d];
        for (int i = 0; i < d; i++)
        {
            x[(2 * i) * d + i] = (float)c[i];
            x[(2 * i + 1) * d + i] = (float)-c[i];
        }
        var g = LowRankGaussianFitter.Fit(x, n, d, rank: 2, iterations: 0);

        Assert.All(g.Mean, m => Assert.Equal(0, m, 6));
        double s = g.Shrinkage, m = c.Sum(v => 2 * v * v / n) / d;
        Assert.Equal(ExpectedShrinkage(x, n, d), s, 6);
        Assert.Equal((1 - s) * 2 * 16 / n + s * m, g.Variances[0], 5);
        Assert.Equal((1 - s) * 2 * 9 / n + s * m, g.Variances[1], 5);
        Assert.Equal(1, Math.Abs(g.Components[0 * 2 + 0]), 5);   // first direction = e_0
        Assert.Equal(1, Math.Abs(g.Components[1 * 2 + 1]), 5);   // second direction = e_1
        double rest = (4 + 1 + 0.25) * 2 / n;
        Assert.Equal(((1 - s) * rest + s * m * (d - 2)) / (d - 2), g.ResidualVariance, 6);
    }

    [Fact]
    public void DistanceWithRankDMinus1EqualsTheFullShrunkCovarianceMahalanobisDistance()
    {
        const int n = 60, d = 5;
        var random = new Random(3);
        var x = new float[n * d];
        for (int r = 0; r < n; r++)
        {
            double z0 = Gaussian(random), z1 = Gaussian(random);
            for (int j = 0; j < d; j++) x[r * d + j] = (float)(z0 * (j + 1) + z1 * (j % 2 == 0 ? 1 : -1) + 0.3 * Gaussian(random));
        }
        var g = LowRankGaussianFitter.Fit(x, n, d, rank: d - 1, iterations: 0);
        var precision = Invert(ShrunkCovariance(x, n, d, g.Shrinkage));
        var f = new float[] { 1, -2, 0.5f, 3, -1 };
        var centred = f.Select((v, j) => v - (double)g.Mean[j]).ToArray();
        double expected = 0;
        for (int a = 0; a < d; a++)
        for (int b = 0; b < d; b++) expected += centred[a] * precision[a, b] * centred[b];
        Assert.Equal(expected, g.SquaredDistance(f), expected * 1e-4);
    }

    [Fact]
    public void SubspaceIterationFindsTheSameLeadingEigenvaluesAsTheExactDecomposition()
    {
        const int n = 400, d = 300, k = 8;
        var random = new Random(5);
        var x = new float[n * d];
        for (int r = 0; r < n; r++)
        for (int j = 0; j < d; j++) x[r * d + j] = (float)(Gaussian(random) * (j < 20 ? 20.0 / (j + 1) : 0.2));
        var exact = LowRankGaussianFitter.Fit(x, n, d, k, iterations: 0);
        var iterated = LowRankGaussianFitter.Fit(x, n, d, k, seed: 9, iterations: 8);
        for (int i = 0; i < k; i++) Assert.Equal(exact.Variances[i], iterated.Variances[i], exact.Variances[i] * 1e-3);
        Assert.Equal(exact.ResidualVariance, iterated.ResidualVariance, exact.ResidualVariance * 1e-3);
    }

    [Fact]
    public void ARankOutsideTheValidRangeIsRejected()
    {
        var x = new float[10 * 4];
        var e = Assert.Throws<ArgumentException>(() => LowRankGaussianFitter.Fit(x, 10, 4, rank: 4));
        Assert.Contains("rank", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => LowRankGaussianFitter.Fit(x, 10, 5, rank: 2));
    }

    /// <summary>Ledoit–Wolf shrinkage written out directly from the paper's formulas (O(n·d²)).</summary>
    private static double ExpectedShrinkage(float[] x, int n, int d)
    {
        var c = Centre(x, n, d);
        var s = Covariance(c, n, d);
        double m = Enumerable.Range(0, d).Sum(i => s[i, i]) / d;
        double d2 = 0, b2 = 0;
        for (int i = 0; i < d; i++)
        for (int j = 0; j < d; j++) d2 += Math.Pow(s[i, j] - (i == j ? m : 0), 2);
        d2 /= d;
        for (int r = 0; r < n; r++)
        {
            double norm = 0;
            for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++) norm += Math.Pow(c[r, i] * c[r, j] - s[i, j], 2);
            b2 += norm / d;
        }
        b2 /= (double)n * n;
        return Math.Min(b2, d2) / d2;
    }

    private static double[,] ShrunkCovariance(float[] x, int n, int d, double shrinkage)
    {
        var s = Covariance(Centre(x, n, d), n, d);
        double m = Enumerable.Range(0, d).Sum(i => s[i, i]) / d;
        for (int i = 0; i < d; i++)
        for (int j = 0; j < d; j++) s[i, j] = (1 - shrinkage) * s[i, j] + (i == j ? shrinkage * m : 0);
        return s;
    }

    private static double[,] Centre(float[] x, int n, int d)
    {
        var c = new double[n, d];
        for (int j = 0; j < d; j++)
        {
            double mean = Enumerable.Range(0, n).Average(r => (double)x[r * d + j]);
            for (int r = 0; r < n; r++) c[r, j] = x[r * d + j] - mean;
        }
        return c;
    }

    private static double[,] Covariance(double[,] c, int n, int d)
    {
        var s = new double[d, d];
        for (int i = 0; i < d; i++)
        for (int j = 0; j < d; j++)
        {
            for (int r = 0; r < n; r++) s[i, j] += c[r, i] * c[r, j];
            s[i, j] /= n;
        }
        return s;
    }

    /// <summary>Gauss–Jordan inverse with partial pivoting.</summary>
    private static double[,] Invert(double[,] a)
    {
        int d = a.GetLength(0);
        var m = new double[d, 2 * d];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++) m[i, j] = a[i, j];
            m[i, d + i] = 1;
        }
        for (int col = 0; col < d; col++)
        {
            int pivot = Enumerable.Range(col, d - col).MaxBy(r => Math.Abs(m[r, col]));
            for (int j = 0; j < 2 * d; j++) (m[col, j], m[pivot, j]) = (m[pivot, j], m[col, j]);
            double p = m[col, col];
            for (int j = 0; j < 2 * d; j++) m[col, j] /= p;
            for (int r = 0; r < d; r++)
            {
                if (r == col) continue;
                double f = m[r, col];
                for (int j = 0; j < 2 * d; j++) m[r, j] -= f * m[col, j];
            }
        }
        var inverse = new double[d, d];
        for (int i = 0; i < d; i++)
        for (int j = 0; j < d; j++) inverse[i, j] = m[i, d + j];
        return inverse;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
