using Microsoft.Extensions.Logging;
using Moderation.Scoring.Runtime;

namespace Moderation.Cli.Demo;

/// <summary>Samples images from an exported generator (<c>generator.onnx</c>, input <c>z</c> float32 <c>[N,latent]</c>
/// ~ N(0,1), output float32 <c>[N,1,28,28]</c> in (−1,1)) with ONNX Runtime and quantises them to 8-bit gray.</summary>
internal sealed class GeneratorSampler(string generatorPath, ILogger logger) : IDisposable
{
    private readonly OnnxModelSession _session = new(generatorPath, new OnnxSessionOptions(), logger);

    /// <summary>Returns <paramref name="count"/> images, each 784 bytes, row-major.</summary>
    public byte[][] Sample(int count, int seed)
    {
        var random = new Random(seed);
        int latent = _session.SampleLength;
        var z = new float[count * latent];
        for (int i = 0; i < z.Length; i++) z[i] = (float)StandardNormal(random);
        var images = _session.Run(z, count)[0].Data;
        var result = new byte[count][];
        for (int n = 0; n < count; n++)
        {
            result[n] = new byte[784];
            for (int p = 0; p < 784; p++)
                result[n][p] = (byte)Math.Clamp(MathF.Round((images[n * 784 + p] + 1f) * 127.5f), 0, 255);
        }
        return result;
    }

    /// <summary>An 8-bit gray sample as the discriminator's input, x/127.5 − 1 in [−1,1] (the pre-processor's scaling).</summary>
    public static void ToTensor(ReadOnlySpan<byte> image, Span<float> destination)
    {
        for (int p = 0; p < image.Length; p++) destination[p] = image[p] / 127.5f - 1f;
    }

    /// <summary>Box–Muller transform (Box &amp; Muller 1958).</summary>
    private static double StandardNormal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    public void Dispose() => _session.Dispose();
}
