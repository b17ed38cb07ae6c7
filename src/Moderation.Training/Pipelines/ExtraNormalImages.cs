namespace Moderation.Training.Pipelines;

/// <summary>
/// Normal images added to a pipeline's data set for one run, e.g. the posts reviewers dismissed as false positives
/// (normal by the reviewer's word), decoded with the service's pre-processor. They join the data set's images before
/// the seeded training/calibration split (<see cref="NormalImagesLoader"/>), so they are trained on and calibrated on
/// in the same proportion as the data set's own images.
/// </summary>
/// <param name="Images">float32 <c>[Count,1,Size,Size]</c> in [−1,1].</param>
/// <param name="Count">Images, ≥ 0.</param>
/// <param name="Size">Side in pixels; must equal the data set's (28 for Fashion-MNIST).</param>
/// <param name="Source">Where they came from, for messages (e.g. <c>dismissed posts</c>).</param>
public sealed record ExtraNormalImages(float[] Images, int Count, int Size, string Source);
