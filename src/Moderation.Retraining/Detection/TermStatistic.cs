using Moderation.Export.Detector;

namespace Moderation.Retraining.Detection;

/// <summary>The raw statistic of an <see cref="AnomalyTerm"/> computed in C# (float64), the same formula the exported
/// graph evaluates in float32; used to standardise terms and, in tests, to check the graph.</summary>
internal static class TermStatistic
{
    /// <summary>Statistic of each of <paramref name="count"/> feature vectors <c>[count, F]</c>.</summary>
    public static double[] Compute(AnomalyTerm term, float[] features, int count)
    {
        var result = new double[count];
        for (int i = 0; i < count; i++) result[i] = Compute(term, features.AsSpan(i * term.Dimension, term.Dimension));
        return result;
    }

    /// <summary>Statistic of one feature vector f (length F).</summary>
    public static double Compute(AnomalyTerm term, ReadOnlySpan<float> f)
    {
        int d = term.Dimension;
        var centred = new double[d];
        double total = 0;
        for (int j = 0; j < d; j++)
        {
            centred[j] = f[j] - (double)term.Mean[j];
            total += centred[j] * centred[j];
        }
        switch (term)
        {
            case GaussianTerm g:
            {
                var p = Project(centred, g.Components, g.Rank);
                double inner = 0, explained = 0;
                for (int i = 0; i < g.Rank; i++)
                {
                    inner += p[i] * p[i] * g.InverseVariances[i];
                    explained += p[i] * p[i];
                }
                return inner + Math.Max(0, total - explained) * g.InverseResidualVariance;
            }
            case NearestNeighbourTerm n:
            {
                var p = Project(centred, n.Projection, n.Rank);
                double best = double.PositiveInfinity;
                for (int r = 0; r < n.ReferenceCount; r++)
                {
                    double distance = 0;
                    var reference = n.References.AsSpan(r * n.Rank, n.Rank);
                    for (int j = 0; j < n.Rank; j++)
                    {
                        double delta = p[j] - reference[j];
                        distance += delta * delta;
                    }
                    best = Math.Min(best, distance);
                }
                return best;
            }
            default:
                throw new NotSupportedException(term.GetType().Name);
        }
    }

    /// <summary>A term's standardisation from its statistic on held-out normal images: offset = mean, scale = sample
    /// standard deviation (n − 1; 1 when it is 0, so a constant statistic stays finite).</summary>
    internal static (double Offset, double Scale) Standardisation(IReadOnlyList<double> statistics)
    {
        double mean = statistics.Average();
        double sd = Math.Sqrt(statistics.Sum(v => (v - mean) * (v - mean)) / (statistics.Count - 1));
        return (mean, sd > 0 ? sd : 1);
    }

    /// <summary>p = Mᵀc for M <c>[d,k]</c> row-major.</summary>
    internal static double[] Project(ReadOnlySpan<double> centred, float[] matrix, int k)
    {
        var p = new double[k];
        for (int j = 0; j < centred.Length; j++)
        {
            double c = centred[j];
            if (c == 0) continue;
            var row = matrix.AsSpan(j * k, k);
            for (int i = 0; i < k; i++) p[i] += c * row[i];
        }
        return p;
    }
}
