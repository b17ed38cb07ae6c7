using Moderation.Core.Imaging;
using Moderation.Training.Data;

namespace Moderation.Training.Pipelines;

/// <summary>Loads a pipeline's normal training images and holds out the calibration share.</summary>
public static class NormalImagesLoader
{
    /// <summary>
    /// Reads the normal images (Fashion-MNIST training images of <c>dataset.normalClasses</c>, or every image of a
    /// folder), appends the pipeline's <see cref="TrainingPipeline.ExtraNormal"/> images, shuffles their indices with <c>new Random(seed)</c> and holds out round(n·calibrationFraction) of
    /// them for calibration; both parts keep the source order.
    /// </summary>
    /// <param name="pipeline">A validated pipeline.</param>
    /// <param name="preprocessor">Decoder for <c>folder</c> data sets; unused for <c>fashion-mnist</c>.</param>
    /// <param name="cancellationToken">Checked while reading a folder.</param>
    /// <exception cref="ArgumentException">A <c>folder</c> pipeline without a preprocessor.</exception>
    /// <exception cref="InvalidDataException">Unreadable data, extra images of another size, fewer training images than one batch, or fewer
    /// calibration images than ⌈1/targetFpr⌉.</exception>
    public static NormalImages Load(TrainingPipeline pipeline, IImagePreprocessor? preprocessor = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var dataset = pipeline.Dataset ?? throw new ArgumentException("pipeline has no dataset", nameof(pipeline));
        float[] all;
        int count, size;
        if (dataset.Kind == PipelineDataset.FashionMnistKind)
        {
            var normal = FashionMnist.LoadTrain(dataset.ResolvedPath).WhereClass(dataset.NormalClasses);
            (all, count, size) = (normal.ToTensor(), normal.Count, normal.Width);
        }
        else
        {
            if (preprocessor is null) throw new ArgumentException("a folder data set needs an image preprocessor", nameof(preprocessor));
            var folder = new ImageFolderDataset(dataset.ResolvedPath, preprocessor).Load(cancellationToken);
            (all, count, size) = (folder.Images, folder.Count, folder.Size);
        }
        if (pipeline.ExtraNormal is { Count: > 0 } extra) (all, count) = Append(all, count, size, extra);
        return Split(all, count, size, pipeline.Hyperparameters);
    }

    internal static NormalImages Split(float[] all, int count, int size, TrainingHyperparameters h)
    {
        int calibration = (int)Math.Round(count * h.CalibrationFraction, MidpointRounding.AwayFromZero);
        int minimum = (int)Math.Ceiling(1 / h.TargetFpr);
        if (calibration < minimum)
            throw new InvalidDataException($"{count} normal images × calibrationFraction {h.CalibrationFraction} = {calibration} calibration images; FPR {h.TargetFpr} needs at least {minimum}");
        if (count - calibration < h.BatchSize)
            throw new InvalidDataException($"{count - calibration} training images are fewer than one batch of {h.BatchSize}");
        var order = Enumerable.Range(0, count).ToArray();
        new Random(SeedOf(h.Seed)).Shuffle(order);
        var held = order[..calibration].Order().ToArray();
        var kept = order[calibration..].Order().ToArray();
        int pixels = size * size;
        return new NormalImages(Gather(all, kept, pixels), kept.Length, Gather(all, held, pixels), held.Length, size);
    }

    private static (float[] All, int Count) Append(float[] all, int count, int size, ExtraNormalImages extra)
    {
        if (extra.Size != size)
            throw new InvalidDataException($"{extra.Count} extra normal images ({extra.Source}) are {extra.Size}×{extra.Size}; the data set's are {size}×{size}");
        int pixels = size * size;
        if (extra.Images.Length < (long)extra.Count * pixels)
            throw new InvalidDataException($"{extra.Source}: {extra.Images.Length} values for {extra.Count} images of {pixels} pixels");
        var joined = new float[(long)(count + extra.Count) * pixels];
        all.AsSpan(0, count * pixels).CopyTo(joined);
        extra.Images.AsSpan(0, extra.Count * pixels).CopyTo(joined.AsSpan(count * pixels));
        return (joined, count + extra.Count);
    }

    /// <summary>Folds a 64-bit seed into System.Random's 32-bit seed.</summary>
    internal static int SeedOf(long seed) => unchecked((int)seed ^ (int)(seed >> 32));

    private static float[] Gather(float[] all, int[] indices, int pixels)
    {
        var result = new float[(long)indices.Length * pixels];
        for (int i = 0; i < indices.Length; i++)
            all.AsSpan(indices[i] * pixels, pixels).CopyTo(result.AsSpan(i * pixels, pixels));
        return result;
    }
}
