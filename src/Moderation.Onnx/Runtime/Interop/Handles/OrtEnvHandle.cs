namespace Moderation.Onnx.Runtime.Interop;

/// <summary>Owns an <c>OrtEnv*</c>: one process-wide ONNX Runtime environment.</summary>
internal sealed class OrtEnvHandle(nint pointer) : OrtHandle(pointer)
{
    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        NativeMethods.ReleaseEnv(handle);
        return true;
    }
}
