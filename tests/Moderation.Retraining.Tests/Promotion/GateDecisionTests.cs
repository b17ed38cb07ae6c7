using Moderation.Retraining.Promotion;
using Moderation.Training.Pipelines;

namespace Moderation.Retraining.Tests.Promotion;

/// <summary>The gate's rules on known figures (Bin(1000, 0.01) at 95 %: 4 to 17 false positives).</summary>
public sealed class GateDecisionTests
{
    [Fact]
    public void A_challenger_with_no_lower_auroc_and_a_plausible_fpr_passes()
    {
        var decision = GateDecision.Decide(new PipelinePromotion(), Model("champion", 0.95, 0.99, 10), Model("challenger", 0.95, 0.991, 17), 0.01);
        Assert.True(decision.Promote);
        Assert.Equal(["AUROC abnormal", "AUROC synthetic", "realised FPR inside its interval"], decision.Checks.Select(c => c.Name));
        Assert.Equal((4, 17), (decision.FprInterval.LowCount, decision.FprInterval.HighCount));
        Assert.Contains("17/1000 = 1.70 % flagged; Bin(1000, 0.01) 95 %: 4–17", decision.Checks[2].Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.9499, 0.99, 10, "AUROC abnormal")]       // lower by 0.0001
    [InlineData(0.96, 0.98, 10, "AUROC synthetic")]
    [InlineData(0.96, 0.995, 18, "realised FPR inside its interval")] // above k_hi
    [InlineData(0.96, 0.995, 3, "realised FPR inside its interval")]  // below k_lo: thresholds too loose to trust
    public void Each_rule_can_refuse_alone(double abnormal, double synthetic, int falsePositives, string failing)
    {
        var decision = GateDecision.Decide(new PipelinePromotion(), Model("champion", 0.95, 0.99, 10), Model("challenger", abnormal, synthetic, falsePositives), 0.01);
        Assert.False(decision.Promote);
        Assert.Equal(failing, Assert.Single(decision.Checks, c => !c.Passed).Name);
    }

    [Fact]
    public void A_tolerance_a_tpr_rule_and_no_shared_score_are_applied_as_written()
    {
        var gate = new PipelinePromotion { MinAurocDelta = -0.01, FprInsideInterval = false, MinTprDelta = 0.02 };
        var champion = Model("champion", 0.95, 0.99, 10, tpr: 0.80);
        var decision = GateDecision.Decide(gate, champion, Model("challenger", 0.945, 0.99, 40, tpr: 0.83), 0.01);
        Assert.True(decision.Promote, string.Join("; ", decision.Checks.Select(c => c.Detail)));
        Assert.Contains("+3.00 points (needs ≥ +2)", decision.Checks[^1].Detail, StringComparison.Ordinal);
        Assert.False(GateDecision.Decide(gate, champion, Model("challenger", 0.95, 0.99, 10, tpr: 0.81), 0.01).Promote);

        var other = Model("challenger", 0.99, 0.99, 10) with { Scores = [Score("blurry", 0.99)] };
        var refused = GateDecision.Decide(new PipelinePromotion(), champion, other, 0.01);
        Assert.Equal("comparable scores", refused.Checks[0].Name);
        Assert.False(refused.Promote);
    }

    private static ModelEvaluation Model(string role, double abnormal, double synthetic, int falsePositives, double tpr = 0.9) =>
        new(role, $"{role}-version", $"{role}@000000000000", [Score("abnormal", abnormal), Score("synthetic", synthetic)], 1000, falsePositives, tpr,
            new Dictionary<string, double> { ["confirmed violations"] = tpr });

    private static ScoreEvaluation Score(string reason, double auroc) =>
        new(reason, reason + "_score", 1.0, auroc, new Dictionary<string, double>(), [0.0], [1.0]);
}
