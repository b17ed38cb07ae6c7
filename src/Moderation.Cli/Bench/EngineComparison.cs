using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Moderation.Cli.Demo;
using Moderation.Core.Models;
using Moderation.Imaging;
using Own = Moderation.Onnx.Runtime;
using Managed = Moderation.Scoring.Runtime;

namespace Moderation.Cli.Bench;

/// <summary>Temporary: (a) model-only throughput on our own C API binding and on ONNX Runtime's managed API, alternating
/// in one process (same model, tensors, batch and threads), plus managed bytes allocated per Run. Removed with the binding.</summary>
internal static class EngineComparison
{
    public static string Run(string model, int batch, int threads, int rounds, double seconds)
    {
        var (card, onnxPath) = ModelCardStore.LoadVerified(model);
        var outputs = card.Thresholds.Select(t => t.Output).Distinct().ToArray();
        var posts = DemoPostFactory.Create(card, model, new DemoMix(1600, 2000, 400, 0), 11, NullLogger.Instance);
        var preprocessor = new ImagePreprocessor();
        var tensors = new float[Math.Min(posts.Count, 4096) * 784];
        for (var i = 0; i < tensors.Length / 784; i++) preprocessor.Preprocess(posts[i].Image, posts[i].ContentType, tensors.AsSpan(i * 784, 784));
        using var ownSession = new Own.OnnxModelSession(onnxPath, new Own.OnnxSessionOptions { IntraOpThreads = threads, InterOpThreads = 1 }, NullLogger.Instance);
        using var managedSession = new Managed.OnnxModelSession(onnxPath, new Managed.OnnxSessionOptions { IntraOpThreads = threads, InterOpThreads = 1 }, NullLogger.Instance);
        var destination = new float[batch * outputs.Length];
        Action<int> ownRun = offset => ownSession.Run(tensors.AsSpan(offset * 784, batch * 784), batch, outputs);
        Action<int> managedRun = offset => managedSession.Run(tensors.AsSpan(offset * 784, batch * 784), batch, outputs, destination);

        // Same scores from both engines on the first batch.
        var a = ownSession.Run(tensors.AsSpan(0, batch * 784), batch, outputs);
        managedRun(0);
        var maxDiff = Enumerable.Range(0, outputs.Length).SelectMany(k => Enumerable.Range(0, batch).Select(i => Math.Abs(a[k].Data[i] - destination[k * batch + i]))).Max();

        var own = new List<(double Wall, double Cpu)>();
        var managed = new List<(double Wall, double Cpu)>();
        for (var r = 0; r < rounds; r++)
        {
            own.Add(Measure(ownRun, tensors.Length / 784, batch, seconds));
            managed.Add(Measure(managedRun, tensors.Length / 784, batch, seconds));
            Console.WriteLine($"round {r + 1}: own binding {own[^1].Wall:F0} images/s ({own[^1].Cpu:F0} per CPU-s), managed API {managed[^1].Wall:F0} images/s ({managed[^1].Cpu:F0} per CPU-s)");
        }

        var c = CultureInfo.InvariantCulture;
        double Median(IEnumerable<double> v) { var s = v.Order().ToList(); return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2; }
        string Join(IEnumerable<double> v, string format) => string.Join(" · ", v.Select(x => x.ToString(format, c)));
        var wallRatios = own.Zip(managed, (o, m) => m.Wall / o.Wall).ToList();
        var cpuRatios = own.Zip(managed, (o, m) => m.Cpu / o.Cpu).ToList();
        return string.Join('\n',
            "| engine | (a) images/s per round | median | images per CPU-second per round | median | managed bytes per Run |",
            "| --- | --- | ---: | --- | ---: | ---: |",
            string.Create(c, $"| own C API binding (npm onnxruntime-node 1.30.0 CPU library) | {Join(own.Select(x => x.Wall), "F0")} | {Median(own.Select(x => x.Wall)):F0} | {Join(own.Select(x => x.Cpu), "F0")} | {Median(own.Select(x => x.Cpu)):F0} | {Allocated(ownRun, batch)} |"),
            string.Create(c, $"| managed API (`Microsoft.ML.OnnxRuntime.Gpu.Linux` 1.30.0, CPU EP, pre-allocated outputs) | {Join(managed.Select(x => x.Wall), "F0")} | {Median(managed.Select(x => x.Wall)):F0} | {Join(managed.Select(x => x.Cpu), "F0")} | {Median(managed.Select(x => x.Cpu)):F0} | {Allocated(managedRun, batch)} |"),
            "",
            string.Create(c, $"Managed / own per round (each round runs both back to back): wall {Join(wallRatios, "F3")}, median **{Median(wallRatios):F3}**; CPU time {Join(cpuRatios, "F3")}, median **{Median(cpuRatios):F3}**."),
            string.Create(c, $"Largest score difference between the engines on one batch of {batch}: {maxDiff:G3}."));
    }

    /// <summary>Images per wall-clock second and per second of this process's CPU time (with one intra-op thread
    /// ONNX Runtime runs on the calling thread, so CPU time is less disturbed by other jobs on a shared machine).</summary>
    private static (double Wall, double Cpu) Measure(Action<int> run, int available, int batch, double seconds)
    {
        for (var i = 0; i < 5; i++) run(0);
        long processed = 0;
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var offset = 0; clock.Elapsed.TotalSeconds < seconds; offset = (offset + batch) % (available - batch))
        {
            run(offset);
            processed += batch;
        }

        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return (processed / wall, processed / (process.TotalProcessorTime - cpuBefore).TotalSeconds);
    }

    private static long Allocated(Action<int> run, int batch)
    {
        run(0);
        const int runs = 20;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < runs; i++) run(batch * (i % 8));
        return (GC.GetAllocatedBytesForCurrentThread() - before) / runs;
    }
}
