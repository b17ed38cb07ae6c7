namespace Moderation.Retraining.Promotion;

/// <summary>One score of one model on the held-out set.</summary>
/// <param name="Reason">The verdict reason (e.g. <c>abnormal</c>).</param>
/// <param name="Output">The ONNX output (e.g. <c>anomaly_score</c>).</param>
/// <param name="Threshold">The model card's calibrated threshold (flag when score &gt; it).</param>
/// <param name="Auroc">ML.NET AUROC of the held-out normal images (negatives) against all positives, in [0,1].</param>
/// <param name="AurocByGroup">AUROC against each positive group alone, keyed by group name.</param>
/// <param name="NormalScores">The score of each held-out normal image.</param>
/// <param name="PositiveScores">The score of each positive, groups in order.</param>
public sealed record ScoreEvaluation(string Reason, string Output, double Threshold, double Auroc,
    IReadOnlyDictionary<string, double> AurocByGroup, double[] NormalScores, double[] PositiveScores);
