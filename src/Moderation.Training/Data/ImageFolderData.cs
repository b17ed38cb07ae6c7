namespace Moderation.Training.Data;

/// <summary>What <see cref="ImageFolderDataset.Load"/> read.</summary>
/// <param name="Images">float32 <c>[Count,1,Size,Size]</c> in [−1,1], in the order of <paramref name="Files"/>.</param>
/// <param name="Count">Accepted images.</param>
/// <param name="Size">Side of each image in pixels.</param>
/// <param name="Files">Full paths of the accepted images.</param>
/// <param name="Rejected">Files the preprocessor rejected, with its reason.</param>
public sealed record ImageFolderData(float[] Images, int Count, int Size, IReadOnlyList<string> Files, IReadOnlyList<RejectedImage> Rejected);
