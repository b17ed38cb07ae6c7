namespace Moderation.Core.Metrics;

/// <summary>Ranking metrics for a detector whose higher score means "more likely anomalous" (positive).</summary>
public static class RankMetrics
{
    /// <summary>
    /// Area under the ROC curve, computed as the Mann–Whitney U statistic: the probability that a random positive
    /// scores higher than a random negative, ties counting one half (Hanley &amp; McNeil 1982).
    /// </summary>
    /// <param name="negatives">Scores of normal items (label 0).</param>
    /// <param name="positives">Scores of anomalous items (label 1).</param>
    /// <returns>AUROC in [0,1].</returns>
    /// <exception cref="ArgumentException">Either set is empty or holds NaN.</exception>
    public static double Auroc(IReadOnlyList<double> negatives, IReadOnlyList<double> positives)
    {
        var all = Labelled(negatives, positives);
        // Average ranks over ties (1-based), then U = R_pos − n_pos(n_pos+1)/2.
        double rankSumPositive = 0;
        for (int i = 0; i < all.Length;)
        {
            int j = i;
            while (j + 1 < all.Length && all[j + 1].Score == all[i].Score) j++;
            double averageRank = (i + j) / 2.0 + 1.0;
            for (int k = i; k <= j; k++) if (all[k].Positive) rankSumPositive += averageRank;
            i = j + 1;
        }
        double nPos = positives.Count, nNeg = negatives.Count;
        return (rankSumPositive - nPos * (nPos + 1) / 2.0) / (nPos * nNeg);
    }

    /// <summary>
    /// Area under the precision–recall curve as average precision, AP = Σ (R_k − R_{k−1}) · P_k over distinct score
    /// thresholds from the highest down (the step-wise estimator used by scikit-learn's <c>average_precision_score</c>).
    /// </summary>
    /// <exception cref="ArgumentException">Either set is empty or holds NaN.</exception>
    public static double AveragePrecision(IReadOnlyList<double> negatives, IReadOnlyList<double> positives)
    {
        var all = Labelled(negatives, positives);
        Array.Reverse(all); // highest score first
        double ap = 0, truePositives = 0, previousRecall = 0;
        for (int i = 0; i < all.Length;)
        {
            int j = i;
            while (j + 1 < all.Length && all[j + 1].Score == all[i].Score) j++;
            for (int k = i; k <= j; k++) if (all[k].Positive) truePositives++;
            double recall = truePositives / positives.Count, precision = truePositives / (j + 1);
            ap += (recall - previousRecall) * precision;
            previousRecall = recall;
            i = j + 1;
        }
        return ap;
    }

    /// <summary>Fraction of <paramref name="scores"/> strictly above <paramref name="threshold"/> (FPR on negatives, TPR on positives).</summary>
    public static double FractionAbove(IReadOnlyList<double> scores, double threshold)
    {
        if (scores.Count == 0) throw new ArgumentException("no scores", nameof(scores));
        int above = 0;
        foreach (var s in scores) if (s > threshold) above++;
        return (double)above / scores.Count;
    }

    private static (double Score, bool Positive)[] Labelled(IReadOnlyList<double> negatives, IReadOnlyList<double> positives)
    {
        if (negatives.Count == 0 || positives.Count == 0)
            throw new ArgumentException("AUROC/AP need at least one negative and one positive score");
        var all = new (double Score, bool Positive)[negatives.Count + positives.Count];
        int n = 0;
        foreach (var s in negatives) all[n++] = (Check(s), false);
        foreach (var s in positives) all[n++] = (Check(s), true);
        Array.Sort(all, (a, b) => a.Score.CompareTo(b.Score));
        return all;
    }

    private static double Check(double s) => double.IsNaN(s) ? throw new ArgumentException("score is NaN") : s;
}
