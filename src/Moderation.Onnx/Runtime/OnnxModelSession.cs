using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Moderation.Onnx.Runtime.Interop;

namespace Moderation.Onnx.Runtime;

/// <summary>
/// One ONNX model loaded into ONNX Runtime: created once (model parsed, execution provider chosen, graph optimised,
/// input/output names and the CPU memory description cached in native memory), then <see cref="Run(ReadOnlySpan{float}, int)"/>
/// per batch. <see cref="Run(ReadOnlySpan{float}, int)"/> is thread-safe (ONNX Runtime's <c>Run</c> is); it wraps the
/// caller's input without copying and copies each requested output once into a new array.
/// Serves models with exactly one float32 input <c>[N, d1, …]</c> whose dimensions other than the batch N are fixed.
/// </summary>
public sealed partial class OnnxModelSession : IDisposable
{
    private readonly OrtSessionHandle session;
    private readonly OrtMemoryInfoHandle cpuMemory;
    private readonly NativeUtf8StringTable inputNameTable;
    private readonly NativeUtf8StringTable outputNameTable;
    private readonly Dictionary<string, int> outputIndex;
    private readonly long[] sampleShape;

    /// <summary>Loads <paramref name="modelPath"/>.</summary>
    /// <param name="modelPath">ONNX model file.</param>
    /// <param name="options">Execution provider and threads; validated with DataAnnotations.</param>
    /// <param name="logger">Receives the load summary and the <c>auto</c> → CPU fallback warning.</param>
    /// <exception cref="ValidationException"><paramref name="options"/> is invalid (e.g. an unknown execution provider).</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime cannot load the model (missing, empty or corrupt file:
    /// codes <see cref="OnnxRuntimeErrorCode.NoSuchFile"/>, <see cref="OnnxRuntimeErrorCode.InvalidProtobuf"/>, …), or
    /// <c>cuda</c> was requested and CUDA cannot be used.</exception>
    /// <exception cref="NotSupportedException">The model does not have exactly one float32 input with a fixed shape
    /// apart from the batch dimension.</exception>
    /// <exception cref="DllNotFoundException">libonnxruntime.so.1 cannot be found.</exception>
    public OnnxModelSession(string modelPath, OnnxSessionOptions options, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);

        var started = Stopwatch.GetTimestamp();
        ModelPath = Path.GetFullPath(modelPath);
        (session, ExecutionProvider) = OrtSessionFactory.Create(ModelPath, options, logger);
        try
        {
            InputNames = NativeMethods.GetSessionIoNames(session, outputs: false);
            OutputNames = NativeMethods.GetSessionIoNames(session, outputs: true);
            InputShape = ReadInputShape(out sampleShape);
            SampleLength = (int)sampleShape.Aggregate(1L, (a, b) => a * b);
            outputIndex = OutputNames.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
            inputNameTable = new NativeUtf8StringTable(InputNames);
            outputNameTable = new NativeUtf8StringTable(OutputNames);
            cpuMemory = NativeMethods.CreateCpuMemoryInfo();
        }
        catch
        {
            session.Dispose();
            inputNameTable?.Dispose();
            outputNameTable?.Dispose();
            throw;
        }
        OnnxModelSessionLog.SessionCreated(logger, ModelPath, ExecutionProvider, Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            InputName, string.Join(',', InputShape), string.Join(", ", OutputNames));
    }

    /// <summary>Full path of the loaded model file.</summary>
    public string ModelPath { get; }

    /// <summary>The execution provider the session actually uses: <c>cpu</c> or <c>cuda</c>.</summary>
    public string ExecutionProvider { get; }

    /// <summary>Model input names (exactly one).</summary>
    public IReadOnlyList<string> InputNames { get; }

    /// <summary>The single input's name, e.g. <c>image</c>.</summary>
    public string InputName => InputNames[0];

    /// <summary>The input's shape as declared by the model, −1 for a symbolic dimension, e.g. <c>[-1,1,28,28]</c>.</summary>
    public IReadOnlyList<long> InputShape { get; }

    /// <summary>Elements per batch item (product of the input dimensions after the first), e.g. 784.</summary>
    public int SampleLength { get; }

    /// <summary>Model output names in model order, e.g. <c>logit</c>, <c>features</c>, <c>anomaly_score</c>.</summary>
    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>Releases the native session; runs in progress finish first.</summary>
    public void Dispose()
    {
        session.Dispose();
        cpuMemory.Dispose();
        inputNameTable.Dispose();
        outputNameTable.Dispose();
    }

    private long[] ReadInputShape(out long[] perSample)
    {
        if (InputNames.Count != 1)
            throw new NotSupportedException($"{ModelPath} has {InputNames.Count} inputs; OnnxModelSession serves models with exactly one");
        var (type, dims) = NativeMethods.GetSessionIoTensorInfo(session, 0, output: false);
        if (type != OrtElementType.Float || dims.Length == 0)
            throw new NotSupportedException($"{ModelPath}: input '{InputNames[0]}' must be a float32 tensor [N,...], got element type {(int)type}, rank {dims.Length}");
        perSample = dims[1..];
        if (perSample.Any(d => d <= 0))
            throw new NotSupportedException($"{ModelPath}: input '{InputNames[0]}' has shape [{string.Join(',', dims)}]; only the first (batch) dimension may be symbolic");
        return dims;
    }
}
