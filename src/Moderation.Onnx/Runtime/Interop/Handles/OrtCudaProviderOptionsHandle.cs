namespace Moderation.Onnx.Runtime.Interop;

/// <summary>Owns an <c>OrtCUDAProviderOptionsV2*</c>: CUDA execution provider options.</summary>
internal sealed class OrtCudaProviderOptionsHandle(nint pointer) : OrtHandle(pointer)
{
    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        NativeMethods.ReleaseCudaProviderOptions(handle);
        return true;
    }
}
