namespace Moderation.Onnx.Runtime;

/// <summary>The CUDA execution provider could not be set up; wraps ONNX Runtime's error. Caught by the <c>auto</c>
/// fallback; for <c>cuda</c> it surfaces as an <see cref="OnnxRuntimeException"/> with the same code.</summary>
internal sealed class CudaUnavailableException(OnnxRuntimeException inner)
    : Exception($"the CUDA execution provider is unavailable: {inner.Message}", inner)
{
    /// <summary>ONNX Runtime's error.</summary>
    public OnnxRuntimeException Cause => inner;
}
