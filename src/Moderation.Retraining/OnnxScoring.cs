using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Moderation.Retraining;

/// <summary>Runs outputs of an exported model over many images in batches with ONNX Runtime's managed API
/// (<see cref="InferenceSession"/>, CPU execution provider).</summary>
internal static class OnnxScoring
{
    /// <summary>Scores <paramref name="count"/> images float32 <c>[count,1,28,28]</c> in [−1,1] with several outputs in
    /// one pass; returns one array per output (in the order of <paramref name="outputs"/>), one value per image (each
    /// output must be <c>[N,1]</c>). One ONNX Runtime thread, so that offline jobs stay on the thread budget they were
    /// given.</summary>
    /// <exception cref="OnnxRuntimeException">The model cannot be loaded or run.</exception>
    /// <exception cref="InvalidDataException">An output does not hold one value per image.</exception>
    public static double[][] ScoreAll(string onnxPath, IReadOnlyList<string> outputs, float[] images, int count, int batch = 256)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        using var session = new InferenceSession(onnxPath, options);
        var input = session.InputMetadata.Single();
        int length = input.Value.Dimensions.Skip(1).Aggregate(1, (a, b) => a * b);
        var scores = outputs.Select(_ => new double[count]).ToArray();
        for (int start = 0; start < count; start += batch)
        {
            int n = Math.Min(batch, count - start);
            var tensor = new DenseTensor<float>(images.AsMemory(start * length, n * length), [n, .. input.Value.Dimensions.Skip(1)]);
            using var results = session.Run([NamedOnnxValue.CreateFromTensor(input.Key, tensor)], outputs);
            for (int o = 0; o < outputs.Count; o++)
            {
                var data = results[o].AsTensor<float>();
                if (data.Length != n) throw new InvalidDataException($"output '{outputs[o]}' has {data.Length} values for {n} images");
                for (int i = 0; i < n; i++) scores[o][start + i] = data.GetValue(i);
            }
        }
        return scores;
    }
}
