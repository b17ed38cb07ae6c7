namespace Moderation.Evaluation.Roc;

/// <summary>
/// Receiver operating characteristic of a detector whose higher score means "more likely anomalous" and whose flag
/// rule is <c>score &gt; threshold</c> (the rule of <c>Moderation.Core.Metrics.ThresholdCalibrator</c>). Holds one
/// point per distinct score used as the threshold, from the highest score (nothing flagged, (0,0)) down, plus a final
/// point at −∞ (everything flagged, (1,1)). Tied scores move both rates at once, so a tie is a diagonal segment and
/// the trapezoidal area equals the Mann–Whitney AUROC with ties counting one half (Fawcett 2006, "An introduction to
/// ROC analysis", Algorithm 2).
/// </summary>
public sealed class RocCurve
{
    private RocCurve(RocPoint[] points) => Points = points;

    /// <summary>The points in order of decreasing threshold: false-positive rate and true-positive rate never
    /// decrease; the first is (0,0), the last (1,1).</summary>
    public IReadOnlyList<RocPoint> Points { get; }

    /// <summary>Computes the curve from both score sets.</summary>
    /// <param name="negatives">Scores of normal items (label 0).</param>
    /// <param name="positives">Scores of anomalous items (label 1).</param>
    /// <returns>The curve: at most <c>negatives.Count + positives.Count + 1</c> points.</returns>
    /// <exception cref="ArgumentException">Either set is empty or holds NaN.</exception>
    public static RocCurve Compute(IReadOnlyList<double> negatives, IReadOnlyList<double> positives)
    {
        ArgumentNullException.ThrowIfNull(negatives);
        ArgumentNullException.ThrowIfNull(positives);
        if (negatives.Count == 0 || positives.Count == 0)
            throw new ArgumentException("a ROC curve needs at least one negative and one positive score");
        var all = new (double Score, bool Positive)[negatives.Count + positives.Count];
        int n = 0;
        foreach (var s in negatives) all[n++] = (Checked(s), false);
        foreach (var s in positives) all[n++] = (Checked(s), true);
        Array.Sort(all, (a, b) => b.Score.CompareTo(a.Score)); // highest first

        double nNeg = negatives.Count, nPos = positives.Count;
        var points = new List<RocPoint>();
        int falsePositives = 0, truePositives = 0;
        for (int i = 0; i < all.Length;)
        {
            // Threshold = this score: only the items strictly above it (already counted) are flagged.
            points.Add(new RocPoint(all[i].Score, falsePositives / nNeg, truePositives / nPos));
            int j = i;
            while (j < all.Length && all[j].Score == all[i].Score)
            {
                if (all[j].Positive) truePositives++; else falsePositives++;
                j++;
            }
            i = j;
        }
        points.Add(new RocPoint(double.NegativeInfinity, 1.0, 1.0));
        return new RocCurve([.. points]);
    }

    /// <summary>Area under the curve by the trapezoidal rule, Σ (FPR_k − FPR_{k−1})·(TPR_k + TPR_{k−1})/2; equals
    /// ML.NET's AUROC (<c>DetectionMetrics</c>) on the same scores.</summary>
    public double TrapezoidalArea()
    {
        double area = 0;
        for (int k = 1; k < Points.Count; k++)
        {
            var (a, b) = (Points[k - 1], Points[k]);
            area += (b.FalsePositiveRate - a.FalsePositiveRate) * (b.TruePositiveRate + a.TruePositiveRate) / 2;
        }
        return area;
    }

    /// <summary>
    /// A subset of the points for plotting and storing: the first and last points, and every point that lies at
    /// least <paramref name="minStep"/> from the previously kept one in FPR or TPR. With step s at most about 2/s + 2
    /// points remain; the polyline through them stays within s of the full curve on either axis.
    /// </summary>
    /// <param name="minStep">Smallest kept move in FPR or TPR, in (0,1], e.g. 0.004 (1 pixel on a 250-pixel axis).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minStep"/> is not in (0,1].</exception>
    public IReadOnlyList<RocPoint> Thinned(double minStep)
    {
        if (!(minStep > 0 && minStep <= 1)) throw new ArgumentOutOfRangeException(nameof(minStep), minStep, "must be in (0,1]");
        var kept = new List<RocPoint> { Points[0] };
        for (int k = 1; k < Points.Count - 1; k++)
        {
            var last = kept[^1];
            if (Points[k].FalsePositiveRate - last.FalsePositiveRate >= minStep
                || Points[k].TruePositiveRate - last.TruePositiveRate >= minStep)
                kept.Add(Points[k]);
        }
        kept.Add(Points[^1]);
        return kept;
    }

    private static double Checked(double s) => double.IsNaN(s) ? throw new ArgumentException("score is NaN") : s;
}
