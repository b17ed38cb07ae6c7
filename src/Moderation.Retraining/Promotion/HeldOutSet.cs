using Moderation.Core.Imaging;
using Moderation.Training.Data;
using Moderation.Training.Pipelines;

namespace Moderation.Retraining.Promotion;

/// <summary>
/// The images champion and challenger are both scored on: normal images neither model trained or calibrated on
/// (Fashion-MNIST: the normal classes' TEST images; folder data sets: <c>promotion.heldOutNormalPath</c>), and the
/// positives: the reviewers' confirmed violations and samples of each model's generator (same z for both).
/// </summary>
/// <param name="Normal">The held-out normal images.</param>
/// <param name="Positives">The positive groups (empty groups left out).</param>
public sealed record HeldOutSet(ImageSet Normal, IReadOnlyList<ImageSet> Positives)
{
    /// <summary>Seed offset (added to the pipeline's seed) of the generator samples' z.</summary>
    public const int GeneratorSeedOffset = 17;

    /// <summary>Builds the set for <paramref name="pipeline"/>.</summary>
    /// <param name="pipeline">The pipeline (data set, seed, <c>promotion</c> section).</param>
    /// <param name="confirmed">Confirmed violations, decoded.</param>
    /// <param name="generators">Name and <c>generator.onnx</c> path of each model whose generator is sampled.</param>
    /// <param name="preprocessor">Decoder for a held-out normal folder.</param>
    /// <exception cref="InvalidDataException">No held-out normal image.</exception>
    public static HeldOutSet Build(TrainingPipeline pipeline, ReviewedImages confirmed, IReadOnlyList<(string Name, string Path)> generators,
        IImagePreprocessor preprocessor)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var gate = pipeline.Promotion ?? new PipelinePromotion();
        var normal = NormalTest(pipeline, gate, preprocessor);
        if (normal.Count == 0) throw new InvalidDataException("the held-out normal set is empty");
        var positives = new List<ImageSet>();
        if (confirmed.Count > 0) positives.Add(new ImageSet("confirmed violations", confirmed.Images, confirmed.Count));
        int seed = (int)(pipeline.Hyperparameters.Seed + GeneratorSeedOffset);
        foreach (var (name, path) in generators)
            positives.Add(new ImageSet($"{name} generator samples", GeneratorSamples.Sample(path, gate.GeneratorSamples, seed), gate.GeneratorSamples));
        return new HeldOutSet(normal, positives);
    }

    private static ImageSet NormalTest(TrainingPipeline pipeline, PipelinePromotion gate, IImagePreprocessor preprocessor)
    {
        var dataset = pipeline.Dataset!;
        float[] images;
        int count;
        if (dataset.Kind == PipelineDataset.FashionMnistKind)
        {
            var test = FashionMnist.LoadTest(dataset.ResolvedPath).WhereClass(dataset.NormalClasses);
            (images, count) = (test.ToTensor(), test.Count);
        }
        else
        {
            var folder = new ImageFolderDataset(gate.HeldOutNormalPath!, preprocessor).Load();
            (images, count) = (folder.Images, folder.Count);
        }

        int limit = Math.Min(count, gate.HeldOutNormalLimit ?? count);
        return new ImageSet("held-out normal", images[..(limit * (images.Length / Math.Max(1, count)))], limit);
    }
}
