namespace Moderation.Onnx.Runtime.Interop;

/// <summary>OrtStatus: every API call returns null on success or a status the caller must release.</summary>
internal static unsafe partial class NativeMethods
{
    private static delegate* unmanaged<nint, int> getErrorCode;
    private static delegate* unmanaged<nint, byte*> getErrorMessage;
    private static delegate* unmanaged<nint, void> releaseStatus;

    private static void LoadStatusFunctions(nint* api)
    {
        getErrorCode = (delegate* unmanaged<nint, int>)api[OrtApiSlot.GetErrorCode];
        getErrorMessage = (delegate* unmanaged<nint, byte*>)api[OrtApiSlot.GetErrorMessage];
        releaseStatus = (delegate* unmanaged<nint, void>)api[OrtApiSlot.ReleaseStatus];
    }

    /// <summary>The single check for every <c>OrtStatus*</c>: null is success; otherwise reads the code and message,
    /// releases the status and throws.</summary>
    /// <exception cref="OnnxRuntimeException">The status is not null.</exception>
    internal static void VerifySuccess(nint status)
    {
        if (status == 0) return;
        OnnxRuntimeErrorCode code;
        string message;
        try
        {
            code = (OnnxRuntimeErrorCode)getErrorCode(status);
            message = Utf8(getErrorMessage(status)).TrimEnd();
        }
        finally
        {
            releaseStatus(status);
        }
        throw new OnnxRuntimeException(code, message);
    }
}
