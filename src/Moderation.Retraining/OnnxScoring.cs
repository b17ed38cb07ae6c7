using Microsoft.Extensions.Logging;
using Moderation.Scoring.Runtime;

namespace Moderation.Retraining;

/// <summary>Runs one output of an exported model over many images in batches with ONNX Runtime on the CPU.</summary>
internal static class OnnxScoring
{
    /// <summary>Scores <paramref name="count"/> images float32 <c>[count,1,28,28]</c> in [−1,1] with several outputs in
    /// one pass; returns one array per output (in the order of <paramref name="outputs"/>), one value per image. One
    /// ONNX Runtime thread, so that offline jobs stay on the libtorch thread budget they were given.</summary>
    public static double[][] ScoreAll(string onnxPath, IReadOnlyList<string> outputs, float[] images, int count, ILogger logger, int batch = 256)
    {
        using var session = new OnnxModelSession(onnxPath, new OnnxSessionOptions { IntraOpThreads = 1, InterOpThreads = 1 }, logger);
        int length = session.SampleLength;
        var scores = outputs.Select(_ => new double[count]).ToArray();
        for (int start = 0; start < count; start += batch)
        {
            int n = Math.Min(batch, count - start);
            var results = session.Run(images.AsSpan(start * length, n * length), n, [.. outputs]);
            for (int o = 0; o < outputs.Count; o++)
            {
                var data = results[o].Data;
                if (data.Length != n) throw new InvalidDataException($"output '{outputs[o]}' has {data.Length} values for {n} images");
                for (int i = 0; i < n; i++) scores[o][start + i] = data[i];
            }
        }
        return scores;
    }
}
