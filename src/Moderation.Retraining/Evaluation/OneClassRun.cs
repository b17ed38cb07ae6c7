using Moderation.Evaluation.OneClass;
using Moderation.Evaluation.Results;

namespace Moderation.Retraining.Evaluation;

/// <summary>The scores of one normal class's detector, per score kind, before they are reduced to figures.</summary>
/// <param name="ClassIndex">The normal class.</param>
/// <param name="Seconds">Wall time of building the detector, s.</param>
/// <param name="Kinds">Scores by kind name (<c>anomaly</c>, <c>logit</c>, <c>synthetic</c>, <c>synthetic-unseen</c>).</param>
/// <param name="UnusedNormal">Scores by ONNX output name of the class's training images that neither trained the GAN
/// nor calibrated (left over by <see cref="OneClassEvaluationOptions.TrainImageLimit"/>; empty otherwise): more fresh
/// normal images to measure the realised FPR on.</param>
public sealed record OneClassRun(
    int ClassIndex,
    double Seconds,
    IReadOnlyDictionary<string, OneClassScores> Kinds,
    IReadOnlyDictionary<string, double[]> UnusedNormal)
{
    /// <summary>Leave-one-family-out results, when run for this class.</summary>
    public ClassTransferResult? Transfer { get; init; }

    /// <summary>The verdict's realised FPR on the normal test images, when the model has its verdict scores.</summary>
    public VerdictCalibrationResult? VerdictCalibration { get; init; }
}
