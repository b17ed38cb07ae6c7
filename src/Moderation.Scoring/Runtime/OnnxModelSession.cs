using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace Moderation.Scoring.Runtime;

/// <summary>
/// One ONNX model loaded into ONNX Runtime (managed API, <see cref="InferenceSession"/>): created once (model parsed,
/// execution provider chosen, graph optimised), then <see cref="Run(ReadOnlySpan{float}, int, IReadOnlyList{string})"/>
/// per batch. Runs are thread-safe (ONNX Runtime's <c>Run</c> is). Serves models with exactly one float32 input
/// <c>[N, d1, …]</c> whose dimensions other than the batch N are fixed; that input shape is read from the model's
/// metadata and is the one fact every caller sizes its buffers from.
/// </summary>
public sealed partial class OnnxModelSession : IDisposable
{
    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();
    private readonly string[] inputNames;
    private bool disposed;

    /// <summary>Loads <paramref name="modelPath"/>.</summary>
    /// <param name="modelPath">ONNX model file.</param>
    /// <param name="options">Execution provider and threads; validated with DataAnnotations.</param>
    /// <param name="logger">Receives the load summary and the <c>auto</c> → CPU fallback warning.</param>
    /// <exception cref="ValidationException"><paramref name="options"/> is invalid (e.g. an unknown execution provider).</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime cannot load the model (missing, empty or corrupt file), or
    /// cannot create the session on the requested execution provider (e.g. no GPU).</exception>
    /// <exception cref="InvalidOperationException"><c>cuda</c> or <c>tensorrt</c> was requested and ONNX Runtime cannot
    /// load the provider; the message names the missing library.</exception>
    /// <exception cref="NotSupportedException">The model does not have exactly one float32 input with a fixed shape
    /// apart from the batch dimension.</exception>
    public OnnxModelSession(string modelPath, OnnxSessionOptions options, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        var started = Stopwatch.GetTimestamp();
        ModelPath = Path.GetFullPath(modelPath);
        var (sessionOptions, provider) = ExecutionProviderSetup.Create(options, logger);
        using (sessionOptions)
        {
            session = new InferenceSession(ModelPath, sessionOptions);
        }

        try
        {
            ExecutionProvider = provider;
            inputNames = [.. session.InputNames];
            OutputNames = [.. session.OutputNames];
            InputShape = ReadInputShape();
            SampleShape = [.. InputShape.Skip(1).Select(d => (int)d)];
            SampleLength = SampleShape.Aggregate(1, (a, b) => checked(a * b));
        }
        catch
        {
            Dispose();
            throw;
        }

        OnnxModelSessionLog.SessionCreated(logger, ModelPath, ExecutionProvider, Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            InputName, string.Join(',', InputShape), string.Join(", ", OutputNames));
    }

    /// <summary>Full path of the loaded model file.</summary>
    public string ModelPath { get; }

    /// <summary>The execution provider the session was created for: <c>cpu</c>, <c>cuda</c> or <c>tensorrt</c>.</summary>
    public string ExecutionProvider { get; }

    /// <summary>Model input names (exactly one).</summary>
    public IReadOnlyList<string> InputNames => inputNames;

    /// <summary>The single input's name, e.g. <c>image</c>.</summary>
    public string InputName => inputNames[0];

    /// <summary>The input's shape as declared by the model, −1 for the symbolic batch dimension, e.g. <c>[-1,1,28,28]</c>.</summary>
    public IReadOnlyList<long> InputShape { get; }

    /// <summary>Shape of one batch item (the input's dimensions after the first), e.g. <c>[1,28,28]</c>.</summary>
    public IReadOnlyList<int> SampleShape { get; }

    /// <summary>Elements per batch item (product of <see cref="SampleShape"/>), e.g. 784.</summary>
    public int SampleLength { get; }

    /// <summary>Model output names in model order, e.g. <c>logit</c>, <c>features</c>, <c>anomaly_score</c>.</summary>
    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>Elements per batch item of output <paramref name="name"/> as declared by the model (e.g. 1 for
    /// <c>[N,1]</c>), or −1 when a dimension after the batch is symbolic.</summary>
    /// <exception cref="ArgumentException">The model has no such output.</exception>
    public long OutputSampleLength(string name)
    {
        if (!session.OutputMetadata.TryGetValue(name, out var metadata))
            throw new ArgumentException($"model has no output '{name}' (outputs: {string.Join(", ", OutputNames)})", nameof(name));
        var dims = metadata.Dimensions;
        return dims.Skip(1).Any(d => d < 0) ? -1 : dims.Skip(1).Aggregate(1L, (a, b) => a * b);
    }

    /// <summary>Releases the native session; call only when no run is in progress.</summary>
    public void Dispose()
    {
        disposed = true;
        session.Dispose();
        runOptions.Dispose();
    }

    private long[] ReadInputShape()
    {
        if (inputNames.Length != 1)
            throw new NotSupportedException($"{ModelPath} has {inputNames.Length} inputs; OnnxModelSession serves models with exactly one");
        var metadata = session.InputMetadata[inputNames[0]];
        var dims = metadata.Dimensions.Select(d => (long)d).ToArray();
        if (metadata.ElementType != typeof(float) || dims.Length == 0)
            throw new NotSupportedException($"{ModelPath}: input '{inputNames[0]}' must be a float32 tensor [N,...], got {metadata.ElementType.Name}, rank {dims.Length}");
        if (dims.Skip(1).Any(d => d <= 0))
            throw new NotSupportedException($"{ModelPath}: input '{inputNames[0]}' has shape [{string.Join(',', dims)}]; only the first (batch) dimension may be symbolic");
        return dims;
    }
}
