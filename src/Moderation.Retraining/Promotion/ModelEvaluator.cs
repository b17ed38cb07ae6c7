using Moderation.Core.Models;
using Moderation.Evaluation.Metrics;

namespace Moderation.Retraining.Promotion;

/// <summary>Scores a model folder's discriminator (its SHA-256 checked against its card first) on a
/// <see cref="HeldOutSet"/> with ONNX Runtime and measures it (<see cref="ModelEvaluation"/>).</summary>
internal static class ModelEvaluator
{
    /// <exception cref="FileNotFoundException">The card or the ONNX file is missing.</exception>
    /// <exception cref="InvalidDataException">The ONNX file does not match its card.</exception>
    public static ModelEvaluation Evaluate(string role, string registryVersion, string folder, HeldOutSet set)
    {
        var (card, onnx) = ModelCardStore.LoadVerified(folder);
        var outputs = card.Thresholds.Select(t => t.Output).Distinct(StringComparer.Ordinal).ToList();
        var normal = OnnxScoring.ScoreAll(onnx, outputs, set.Normal.Images, set.Normal.Count);
        var groups = set.Positives.Select(g => (g.Name, Scores: OnnxScoring.ScoreAll(onnx, outputs, g.Images, g.Count))).ToList();

        var scores = card.Thresholds.Select(t =>
        {
            int o = outputs.IndexOf(t.Output);
            var positives = groups.SelectMany(g => g.Scores[o]).ToArray();
            var byGroup = groups.ToDictionary(g => g.Name, g => DetectionMetrics.Auroc(normal[o], g.Scores[o]));
            return new ScoreEvaluation(t.Reason, t.Output, t.Value, DetectionMetrics.Auroc(normal[o], positives), byGroup, normal[o], positives);
        }).ToList();

        bool Flagged(double[][] columns, int i) => card.Thresholds.Any(t => columns[outputs.IndexOf(t.Output)][i] > t.Value);
        int falsePositives = Enumerable.Range(0, set.Normal.Count).Count(i => Flagged(normal, i));
        var tprByGroup = groups.ToDictionary(g => g.Name, g => Enumerable.Range(0, g.Scores[0].Length).Count(i => Flagged(g.Scores, i)) / (double)g.Scores[0].Length);
        int positivesTotal = groups.Sum(g => g.Scores[0].Length);
        double tpr = groups.Sum(g => tprByGroup[g.Name] * g.Scores[0].Length) / positivesTotal;
        return new ModelEvaluation(role, registryVersion, card.Version, scores, set.Normal.Count, falsePositives, tpr, tprByGroup);
    }
}
