namespace Moderation.Training.Pipelines;

/// <summary>A pipeline's normal images, split into a training part and a held-out calibration part.</summary>
/// <param name="Train">float32 <c>[TrainCount,1,Size,Size]</c> in [−1,1], GAN training images.</param>
/// <param name="TrainCount">Training images.</param>
/// <param name="Calibration">float32 <c>[CalibrationCount,1,Size,Size]</c> in [−1,1], never trained on; for
/// threshold calibration.</param>
/// <param name="CalibrationCount">Calibration images.</param>
/// <param name="Size">Side of each image in pixels (28).</param>
public sealed record NormalImages(float[] Train, int TrainCount, float[] Calibration, int CalibrationCount, int Size);
