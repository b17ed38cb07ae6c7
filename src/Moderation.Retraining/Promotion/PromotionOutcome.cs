namespace Moderation.Retraining.Promotion;

/// <summary>What one <c>retrain</c> run did.</summary>
/// <param name="Pipeline">The pipeline name.</param>
/// <param name="At">When the decision was taken (UTC).</param>
/// <param name="Champion">The champion's evaluation (the registry's champion when the run started).</param>
/// <param name="Challenger">The challenger's evaluation (its registry version was added by this run).</param>
/// <param name="Decision">The gate's checks; <see cref="GateDecision.Promote"/> says whether champion.json now names
/// the challenger.</param>
/// <param name="HeldOut">Name and image count of each held-out set, the normal one first.</param>
/// <param name="DismissedUsed">Dismissed posts added to the challenger's normal images.</param>
/// <param name="Rejected">Reviewed posts the pre-processor rejected (post id, decision, reason): not used.</param>
/// <param name="TrainSeconds">Wall time of training the challenger, s.</param>
/// <param name="ReportFolder">Where the report was written.</param>
public sealed record PromotionOutcome(string Pipeline, DateTimeOffset At, ModelEvaluation Champion, ModelEvaluation Challenger,
    GateDecision Decision, IReadOnlyList<(string Name, int Count)> HeldOut, int DismissedUsed,
    IReadOnlyList<(string PostId, string Decision, string Reason)> Rejected, double TrainSeconds, string ReportFolder)
{
    /// <summary>True when the challenger was promoted.</summary>
    public bool Promoted => Decision.Promote;
}
