using System.ComponentModel.DataAnnotations;

namespace Moderation.Scoring.Runtime;

/// <summary>How an <see cref="OnnxModelSession"/> runs a model; bound from configuration section <see cref="Section"/>
/// and validated with DataAnnotations at start-up.</summary>
public sealed class OnnxSessionOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Onnx";

    /// <summary>Execution provider: <c>cpu</c>, <c>cuda</c>, <c>tensorrt</c> or <c>auto</c> (CUDA when ONNX Runtime
    /// lists a CUDA device, else CPU with a warning), see <see cref="OnnxExecutionProviders"/>. Default <c>cpu</c>.</summary>
    [Required]
    [AllowedValues(OnnxExecutionProviders.Cpu, OnnxExecutionProviders.Cuda, OnnxExecutionProviders.TensorRt, OnnxExecutionProviders.Auto,
        ErrorMessage = "ExecutionProvider must be one of: cpu, cuda, tensorrt, auto")]
    public string ExecutionProvider { get; set; } = OnnxExecutionProviders.Cpu;

    /// <summary>Threads used inside one operator (<c>SessionOptions.IntraOpNumThreads</c>); 0 (default) = ONNX
    /// Runtime's default, one per physical core.</summary>
    [Range(0, 1024)]
    public int IntraOpThreads { get; set; }

    /// <summary>Threads running independent operators in parallel (<c>SessionOptions.InterOpNumThreads</c>); 0
    /// (default) = ONNX Runtime's default.</summary>
    [Range(0, 1024)]
    public int InterOpThreads { get; set; }

    /// <summary>CUDA device ordinal for <c>cuda</c>/<c>tensorrt</c>, and the index among the CUDA devices ONNX
    /// Runtime lists for <c>auto</c>; default 0.</summary>
    [Range(0, 255)]
    public int DeviceId { get; set; }
}
