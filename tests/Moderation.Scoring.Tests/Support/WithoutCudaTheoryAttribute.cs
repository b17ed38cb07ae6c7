using Microsoft.ML.OnnxRuntime;

namespace Moderation.Scoring.Tests.Support;

/// <summary>A theory about a machine without the CUDA libraries (CI, this project's machines): skipped, with the reason,
/// where ONNX Runtime lists the CUDA execution provider among its devices.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class WithoutCudaTheoryAttribute : TheoryAttribute
{
    /// <summary>True where ONNX Runtime's device list has <c>CUDAExecutionProvider</c>.</summary>
    public static bool CudaPresent { get; } = OrtEnv.Instance().GetEpDevices().Any(d => d.EpName == "CUDAExecutionProvider");

    /// <summary>Sets <see cref="FactAttribute.Skip"/> when CUDA is present.</summary>
    public WithoutCudaTheoryAttribute()
    {
        if (CudaPresent) Skip = "ONNX Runtime finds CUDA on this machine: this theory is about a machine without it";
    }
}
