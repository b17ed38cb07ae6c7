namespace Moderation.Retraining.Zoo;

/// <summary>One zoo family's samples, quantised to 8 bits like a posted image (v = round((x+1)·127.5)/127.5 − 1).</summary>
/// <param name="Name">Family name.</param>
/// <param name="Description">Architecture and training in one line.</param>
/// <param name="Train">Samples for training the synthetic detector, float32 <c>[n,1,28,28]</c> in [−1,1].</param>
/// <param name="TrainCount">n of <paramref name="Train"/>.</param>
/// <param name="Test">Samples for testing (other seeds), float32 <c>[m,1,28,28]</c> in [−1,1].</param>
/// <param name="TestCount">m of <paramref name="Test"/>.</param>
/// <param name="Seconds">Training wall time of the family, s (0 for the pipeline's DCGAN, trained anyway).</param>
public sealed record FamilySamples(string Name, string Description, float[] Train, int TrainCount, float[] Test, int TestCount, double Seconds);
