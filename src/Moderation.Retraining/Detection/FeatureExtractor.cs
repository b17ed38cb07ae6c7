using Moderation.Export.Detector;
using Moderation.Training.Torch;

namespace Moderation.Retraining.Detection;

/// <summary>Reads the feature vectors of a <see cref="FeatureTap"/> with TorchSharp in eval mode (BatchNorm running
/// statistics, as the exported graph): the tapped layer's output, average-pooled over non-overlapping p×p windows
/// (ONNX <c>AveragePool</c> semantics, no padding), flattened.</summary>
internal static class FeatureExtractor
{
    private const int Batch = 256;

    /// <summary>Features float32 <c>[count, F]</c> of images float32 <c>[count,1,28,28]</c> in [−1,1].</summary>
    public static float[] Extract(TorchNetwork discriminator, FeatureTap tap, float[] images, int count)
    {
        var shape = tap.Layer == FeatureTap.Input ? discriminator.Spec.InputShape : discriminator.Spec.LayerOutputShapes()[tap.Layer];
        int raw = shape.Aggregate(1, (a, b) => a * b), f = tap.FeatureCount(shape), input = discriminator.InputSize;
        var result = new float[(long)count * f];
        for (int start = 0; start < count; start += Batch)
        {
            int n = Math.Min(Batch, count - start);
            var slice = images.AsSpan(start * input, n * input);
            float[] tapped = tap.Layer == FeatureTap.Input ? slice.ToArray() : discriminator.Forward(slice, n, train: false, tapLayer: tap.Layer).Tap!;
            for (int i = 0; i < n; i++)
            {
                var source = tapped.AsSpan(i * raw, raw);
                var target = result.AsSpan((start + i) * f, f);
                if (tap.Pool == 1) source.CopyTo(target);
                else Pool(source, shape[0], shape[1], shape[2], tap.Pool, target);
            }
        }
        return result;
    }

    /// <summary>Average pooling of one <c>[C,H,W]</c> tensor with kernel = stride = <paramref name="p"/>.</summary>
    internal static void Pool(ReadOnlySpan<float> source, int channels, int height, int width, int p, Span<float> target)
    {
        int oh = height / p, ow = width / p;
        float inverse = 1f / (p * p);
        for (int c = 0; c < channels; c++)
        for (int y = 0; y < oh; y++)
        for (int x = 0; x < ow; x++)
        {
            float sum = 0;
            for (int dy = 0; dy < p; dy++)
            for (int dx = 0; dx < p; dx++)
                sum += source[(c * height + y * p + dy) * width + x * p + dx];
            target[(c * oh + y) * ow + x] = sum * inverse;
        }
    }
}
