using System.Globalization;
using Moderation.Core.Metrics;
using Moderation.Training.Pipelines;

namespace Moderation.Retraining.Promotion;

/// <summary>The promotion gate's verdict: promote only when every check passed.</summary>
/// <param name="Checks">Every condition, in the order they are reported.</param>
/// <param name="FprInterval">The central 95 % interval of Bin(n, targetFpr) the challenger's realised FPR is held to.</param>
public sealed record GateDecision(IReadOnlyList<GateCheck> Checks, BinomialInterval FprInterval)
{
    /// <summary>True when every check passed.</summary>
    public bool Promote => Checks.All(c => c.Passed);

    /// <summary>
    /// Applies the pipeline's gate: for each score both models have, challenger AUROC − champion AUROC ≥
    /// <c>minAurocDelta</c>; when <c>fprInsideInterval</c>, the challenger's false positives on the n held-out normal
    /// images inside [k_lo, k_hi] of Bin(n, <paramref name="targetFpr"/>) at 95 %; when <c>minTprDelta</c> is set,
    /// challenger − champion verdict TPR ≥ it. Two models with no score in common fail.
    /// </summary>
    public static GateDecision Decide(PipelinePromotion gate, ModelEvaluation champion, ModelEvaluation challenger, double targetFpr)
    {
        ArgumentNullException.ThrowIfNull(gate);
        var checks = new List<GateCheck>();
        var common = challenger.Scores.Where(s => champion.Score(s.Reason) is not null).ToList();
        if (common.Count == 0)
            checks.Add(new GateCheck("comparable scores", false,
                $"the champion scores [{string.Join(", ", champion.Scores.Select(s => s.Reason))}], the challenger [{string.Join(", ", challenger.Scores.Select(s => s.Reason))}]"));
        foreach (var score in common)
        {
            double before = champion.Score(score.Reason)!.Auroc, delta = score.Auroc - before;
            checks.Add(new GateCheck($"AUROC {score.Reason}", delta >= gate.MinAurocDelta,
                Invariant($"{score.Auroc:F4} − {before:F4} = {delta:+0.0000;−0.0000;0.0000} (needs ≥ {gate.MinAurocDelta:+0.####;−0.####;0})")));
        }

        var interval = BinomialInterval.Of(challenger.NormalCount, targetFpr);
        if (gate.FprInsideInterval)
            checks.Add(new GateCheck("realised FPR inside its interval", interval.Contains(challenger.FalsePositives),
                Invariant($"{challenger.FalsePositives}/{challenger.NormalCount} = {challenger.RealisedFpr:P2} flagged; Bin({interval.Count}, {targetFpr:0.####}) 95 %: {interval.LowCount}–{interval.HighCount} ({interval.Low:P2}–{interval.High:P2})")));
        if (gate.MinTprDelta is { } minTpr)
        {
            double delta = challenger.Tpr - champion.Tpr;
            checks.Add(new GateCheck("verdict TPR", delta >= minTpr,
                Invariant($"{challenger.Tpr:P2} − {champion.Tpr:P2} = {delta * 100:+0.00;−0.00;0.00} points (needs ≥ {minTpr * 100:+0.##;−0.##;0})")));
        }

        return new GateDecision(checks, interval);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
