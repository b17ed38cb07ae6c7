using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Moderation.Retraining.Promotion;

/// <summary>Samples an exported generator (<c>generator.onnx</c>: input float32 <c>[N,latent]</c>, z ~ N(0,1); output
/// float32 <c>[N,1,28,28]</c> in (−1,1)) with ONNX Runtime, one thread, z from a seeded Box–Muller transform (Box &amp;
/// Muller 1958), so both models' generators can be sampled with the same z.</summary>
internal static class GeneratorSamples
{
    /// <summary><paramref name="count"/> samples, float32 <c>[count,1,28,28]</c>, quantised to 8-bit gray and back
    /// (x → round((x+1)·127.5)/127.5 − 1) as a posted image would be.</summary>
    /// <exception cref="OnnxRuntimeException">The file cannot be loaded or run.</exception>
    public static float[] Sample(string generatorPath, int count, int seed)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        using var session = new InferenceSession(generatorPath, options);
        var (input, metadata) = session.InputMetadata.Single();
        int latent = metadata.Dimensions[^1];
        var random = new Random(seed);
        var z = new float[count * latent];
        for (int i = 0; i < z.Length; i++)
            z[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(input, new DenseTensor<float>(z, [count, latent]))]);
        var images = results[0].AsTensor<float>().ToArray();
        for (int i = 0; i < images.Length; i++)
            images[i] = MathF.Round(Math.Clamp((images[i] + 1f) * 127.5f, 0f, 255f)) / 127.5f - 1f;
        return images;
    }
}
