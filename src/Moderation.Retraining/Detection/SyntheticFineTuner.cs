using Moderation.Training.Torch;

namespace Moderation.Retraining.Detection;

/// <summary>Fine-tunes a copy of the discriminator as a real-vs-synthetic classifier (see <see cref="SyntheticRecipe"/>).</summary>
internal static class SyntheticFineTuner
{
    /// <summary>Seed offset of the fake samples drawn during fine-tuning, far from the evaluation seeds.</summary>
    internal const long SampleSeedBase = 1_000_000;

    /// <summary>Returns the fine-tuned copy (the caller owns it) and the mean figures of the last 50 steps.</summary>
    public static (TorchNetwork Classifier, ClassifierStepResult Final) FineTune(TorchNetwork discriminator,
        IReadOnlyList<TorchNetwork> snapshots, float[] real, int realCount, SyntheticRecipe recipe, long seed,
        CancellationToken cancellationToken)
    {
        if (snapshots.Count == 0) throw new ArgumentException("no generator snapshots", nameof(snapshots));
        var copy = discriminator.Copy();
        try
        {
            using var optimizer = new ClassifierOptimizer(copy, recipe.LearningRate, 0.5, 0.999);
            int batch = recipe.BatchSize, size = copy.InputSize;
            var random = new Random(unchecked((int)seed) ^ 0x5EED);
            var realBatch = new float[batch * size];
            double loss = 0, pReal = 0, pFake = 0;
            int tail = 0;
            for (int step = 0; step < recipe.Steps; step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (int i = 0; i < batch; i++)
                    real.AsSpan(random.Next(realCount) * size, size).CopyTo(realBatch.AsSpan(i * size, size));
                var snapshot = snapshots[random.Next(snapshots.Count)];
                var (fake, _) = snapshot.Sample(batch, seed + SampleSeedBase + step);
                var r = optimizer.Step(realBatch, batch, fake, batch);
                if (step >= recipe.Steps - 50)
                {
                    loss += r.Loss; pReal += r.RealProbability; pFake += r.FakeProbability; tail++;
                }
            }
            var final = tail == 0 ? default : new ClassifierStepResult((float)(loss / tail), (float)(pReal / tail), (float)(pFake / tail));
            return (copy, final);
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }
}
