namespace Moderation.Onnx.Runtime.Interop;

/// <summary>Owns an <c>OrtSession*</c>: inference session (thread-safe Run).</summary>
internal sealed class OrtSessionHandle(nint pointer) : OrtHandle(pointer)
{
    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        NativeMethods.ReleaseSession(handle);
        return true;
    }
}
