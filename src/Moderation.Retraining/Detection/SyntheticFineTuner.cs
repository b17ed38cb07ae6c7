using Moderation.Retraining.Zoo;
using Moderation.Training.Torch;

namespace Moderation.Retraining.Detection;

/// <summary>Fine-tunes a copy of the discriminator as a real-vs-synthetic classifier against samples of generator
/// families (see <see cref="SyntheticRecipe"/>), with the recipe's augmentations on both real and synthetic images.</summary>
internal static class SyntheticFineTuner
{
    /// <summary>Returns the fine-tuned copy (the caller owns it) and the mean figures of the last 50 steps. Each step
    /// draws <c>BatchSize</c> real images and <c>BatchSize</c> synthetic ones, each from a family drawn uniformly (so
    /// that every family weighs the same, whatever its sample count) and a sample drawn uniformly within it.</summary>
    /// <param name="discriminator">The trained D to copy.</param>
    /// <param name="families">The families to train against (their <see cref="FamilySamples.Train"/> samples); at least one.</param>
    /// <param name="real">Normal training images float32 <c>[realCount,1,28,28]</c> in [−1,1].</param>
    /// <param name="realCount">Images in <paramref name="real"/>.</param>
    /// <param name="recipe">Steps, batch, step size, augmentation.</param>
    /// <param name="seed">Seed of the draws and augmentations.</param>
    /// <param name="cancellationToken">Checked before every step.</param>
    /// <exception cref="ArgumentException">No family.</exception>
    /// <exception cref="TrainingDivergedException">A loss or gradient became NaN or infinite.</exception>
    public static (TorchNetwork Classifier, ClassifierStepResult Final) FineTune(TorchNetwork discriminator,
        IReadOnlyList<FamilySamples> families, float[] real, int realCount, SyntheticRecipe recipe, long seed,
        CancellationToken cancellationToken)
    {
        if (families.Count == 0) throw new ArgumentException("no generator family to train against", nameof(families));
        var copy = discriminator.Copy();
        try
        {
            using var optimizer = new ClassifierOptimizer(copy, recipe.LearningRate, 0.5, 0.999);
            int batch = recipe.BatchSize, size = copy.InputSize;
            var random = new Random(unchecked((int)seed) ^ 0x5EED);
            var augmenter = new ImageAugmenter(recipe.Augmentation, random);
            var realBatch = new float[batch * size];
            var fakeBatch = new float[batch * size];
            double loss = 0, pReal = 0, pFake = 0;
            int tail = 0;
            for (int step = 0; step < recipe.Steps; step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (int i = 0; i < batch; i++)
                {
                    real.AsSpan(random.Next(realCount) * size, size).CopyTo(realBatch.AsSpan(i * size, size));
                    var family = families[random.Next(families.Count)];
                    family.Train.AsSpan(random.Next(family.TrainCount) * size, size).CopyTo(fakeBatch.AsSpan(i * size, size));
                }
                augmenter.Apply(realBatch, batch);
                augmenter.Apply(fakeBatch, batch);
                var r = optimizer.Step(realBatch, batch, fakeBatch, batch, oneBatch: !recipe.SeparateBatches);
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
