namespace Moderation.Scoring.Tests.Support;

/// <summary>A fact about a machine without the CUDA libraries: skipped, with the reason, where ONNX Runtime finds CUDA
/// (<see cref="WithoutCudaTheoryAttribute.CudaPresent"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class WithoutCudaFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when CUDA is present.</summary>
    public WithoutCudaFactAttribute()
    {
        if (WithoutCudaTheoryAttribute.CudaPresent) Skip = "ONNX Runtime finds CUDA on this machine: this fact is about a machine without it";
    }
}
