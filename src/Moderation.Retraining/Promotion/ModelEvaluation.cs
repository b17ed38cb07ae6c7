namespace Moderation.Retraining.Promotion;

/// <summary>One model on the held-out set: each score's ranking quality, and the verdict (any score above its
/// calibrated threshold) as the service would give it.</summary>
/// <param name="Role"><c>champion</c> or <c>challenger</c>.</param>
/// <param name="RegistryVersion">Its registry version (folder name).</param>
/// <param name="ModelVersion">The version its verdicts carry (card name @ SHA-256 prefix).</param>
/// <param name="Scores">One entry per threshold of its card.</param>
/// <param name="NormalCount">Held-out normal images, n.</param>
/// <param name="FalsePositives">Held-out normal images flagged.</param>
/// <param name="Tpr">Fraction of all positives flagged.</param>
/// <param name="TprByGroup">Fraction of each positive group flagged, keyed by group name.</param>
public sealed record ModelEvaluation(string Role, string RegistryVersion, string ModelVersion, IReadOnlyList<ScoreEvaluation> Scores,
    int NormalCount, int FalsePositives, double Tpr, IReadOnlyDictionary<string, double> TprByGroup)
{
    /// <summary>Realised verdict FPR, <see cref="FalsePositives"/> / <see cref="NormalCount"/>.</summary>
    public double RealisedFpr => (double)FalsePositives / NormalCount;

    /// <summary>The score with <paramref name="reason"/>, or null.</summary>
    public ScoreEvaluation? Score(string reason) => Scores.FirstOrDefault(s => s.Reason == reason);
}
