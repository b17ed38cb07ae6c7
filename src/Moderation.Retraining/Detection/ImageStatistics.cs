using Moderation.Export.Detector;

namespace Moderation.Retraining.Detection;

/// <summary>The C# twin (float64) of <see cref="ImageStatisticsWriter"/>'s in-graph statistics, to fit the
/// degenerate-image term and, in tests, to check the graph.</summary>
internal static class ImageStatistics
{
    /// <summary>Statistics of <paramref name="count"/> images <c>[count,1,side,side]</c>: float32 <c>[count,7]</c>.</summary>
    public static float[] Compute(ReadOnlySpan<float> images, int count, int side = 28)
    {
        int pixels = side * side, k = ImageStatisticsWriter.Count;
        var result = new float[count * k];
        for (int i = 0; i < count; i++) Of(images.Slice(i * pixels, pixels), side).CopyTo(result.AsSpan(i * k, k));
        return result;
    }

    /// <summary>The 7 statistics of one image (row-major side × side).</summary>
    public static float[] Of(ReadOnlySpan<float> x, int side)
    {
        double eps = ImageStatisticsWriter.Epsilon;
        int n = side * side;
        double mean = 0, dark = 0;
        for (int i = 0; i < n; i++)
        {
            mean += x[i];
            if (x[i] < ImageStatisticsWriter.BackgroundLevel) dark++;
        }
        mean /= n;
        double variance = 0, dx = 0, dy = 0;
        var rows = new double[side];
        var columns = new double[side];
        for (int r = 0; r < side; r++)
        for (int c = 0; c < side; c++)
        {
            double v = x[r * side + c];
            variance += (v - mean) * (v - mean);
            rows[r] += v / side;
            columns[c] += v / side;
            if (c + 1 < side) dx += Math.Abs(x[r * side + c + 1] - v);
            if (r + 1 < side) dy += Math.Abs(x[(r + 1) * side + c] - v);
        }
        return
        [
            (float)mean,
            (float)Math.Log(Math.Sqrt(variance / n) + eps),
            (float)Math.Log(dx / (side * (side - 1)) + eps),
            (float)Math.Log(dy / (side * (side - 1)) + eps),
            (float)(dark / n),
            (float)Math.Log(Sd(rows) + eps),
            (float)Math.Log(Sd(columns) + eps),
        ];
    }

    private static double Sd(double[] values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
    }
}
