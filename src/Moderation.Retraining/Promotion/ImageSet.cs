namespace Moderation.Retraining.Promotion;

/// <summary>A named set of pre-processed images.</summary>
/// <param name="Name">What the images are, for the report (e.g. <c>confirmed violations</c>).</param>
/// <param name="Images">float32 <c>[Count,1,28,28]</c> in [−1,1].</param>
/// <param name="Count">Images.</param>
public sealed record ImageSet(string Name, float[] Images, int Count);
