using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Moderation.Scoring.Runtime;

namespace Moderation.Cli.Bench;

/// <summary>(a) Model-only throughput: one ONNX Runtime session, Run on pre-decoded float32 <c>[B,C,H,W]</c> batches
/// (the model's input shape) into pre-allocated outputs, as the service's scorer runs it; no Kafka, no decoding.</summary>
internal static class ModelThroughputBench
{
    /// <returns>Images per second over <paramref name="seconds"/> of timed runs (after a warm-up).</returns>
    public static double Run(string onnxPath, OnnxSessionOptions options, IReadOnlyList<string> outputs, float[] images, int batch,
        double seconds, ILogger logger)
    {
        using var session = new OnnxModelSession(onnxPath, options, logger);
        int length = session.SampleLength, available = images.Length / length;
        var scores = new float[batch * outputs.Count];
        for (int i = 0; i < 5; i++) session.Run(images.AsSpan(0, batch * length), batch, outputs, scores);
        long processed = 0;
        var clock = Stopwatch.StartNew();
        for (int offset = 0; clock.Elapsed.TotalSeconds < seconds; offset = (offset + batch) % (available - batch))
        {
            session.Run(images.AsSpan(offset * length, batch * length), batch, outputs, scores);
            processed += batch;
        }
        return processed / clock.Elapsed.TotalSeconds;
    }
}
