using Moderation.Core.Models;
using Moderation.Core.Scoring;

namespace Moderation.Core.Tests.Scoring;

public sealed class VerdictRuleTests
{
    private static readonly ScoreThreshold[] Thresholds = [Threshold("abnormal", 0.75), Threshold("synthetic", 0.25)];

    [Theory]
    [InlineData(0.5f, 0.1f, new string[0])]
    [InlineData(0.75f, 0.25f, new string[0])] // equal to the threshold (exact in float32) is not over it
    [InlineData(0.76f, 0.1f, new[] { "abnormal" })]
    [InlineData(0.1f, 0.26f, new[] { "synthetic" })]
    [InlineData(0.9f, 0.9f, new[] { "abnormal", "synthetic" })]
    public void Reasons_are_the_scores_strictly_over_their_threshold_in_threshold_order(float abnormal, float synthetic, string[] reasons)
    {
        var rule = new VerdictRule(Thresholds, ["synthetic", "extra", "abnormal"], "m@1");

        var (scores, judged) = rule.Judge([synthetic, 0.99f, abnormal]);

        Assert.Equal(reasons, judged);
        Assert.Equal(new Dictionary<string, double> { ["synthetic"] = synthetic, ["extra"] = 0.99f, ["abnormal"] = abnormal }, scores);
        Assert.Equal(new Dictionary<string, double> { ["abnormal"] = 0.75, ["synthetic"] = 0.25 }, rule.Thresholds);
    }

    [Fact]
    public void A_threshold_for_a_score_the_scorer_does_not_produce_is_a_configuration_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new VerdictRule(Thresholds, ["abnormal"], "m@1"));

        Assert.Contains("'synthetic' of model m@1", error.Message, StringComparison.Ordinal);
    }

    private static ScoreThreshold Threshold(string reason, double value) =>
        new() { Reason = reason, Output = reason, Value = value, TargetFpr = 0.01 };
}
