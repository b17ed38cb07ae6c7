using System.ComponentModel.DataAnnotations;

namespace Moderation.Onnx.Runtime;

/// <summary>How an <see cref="OnnxModelSession"/> runs a model; bind from configuration section <see cref="Section"/>
/// and validate with DataAnnotations at start-up.</summary>
public sealed class OnnxSessionOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Onnx";

    /// <summary>Execution provider: <c>cpu</c>, <c>cuda</c> or <c>auto</c> (CUDA, else CPU with a warning), see
    /// <see cref="OnnxExecutionProviders"/>. Default <c>cpu</c>.</summary>
    [Required]
    [AllowedValues(OnnxExecutionProviders.Cpu, OnnxExecutionProviders.Cuda, OnnxExecutionProviders.Auto,
        ErrorMessage = "ExecutionProvider must be one of: cpu, cuda, auto")]
    public string ExecutionProvider { get; set; } = OnnxExecutionProviders.Cpu;

    /// <summary>Threads used inside one operator (<c>SetIntraOpNumThreads</c>); 0 (default) = ONNX Runtime's default,
    /// one per physical core.</summary>
    [Range(0, 1024)]
    public int IntraOpThreads { get; set; }

    /// <summary>Threads running independent operators in parallel (<c>SetInterOpNumThreads</c>); 0 (default) = ONNX
    /// Runtime's default.</summary>
    [Range(0, 1024)]
    public int InterOpThreads { get; set; }

    /// <summary>CUDA device ordinal for <c>cuda</c>/<c>auto</c>; default 0.</summary>
    [Range(0, 255)]
    public int DeviceId { get; set; }
}
