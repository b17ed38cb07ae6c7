using System.Runtime.InteropServices;

namespace Moderation.Training.Torch;

/// <summary>
/// P/Invoke surface of <c>libmoderation_torch.so</c> (native/include/moderation_torch.h). One partial file per native
/// area; every status goes through <see cref="VerifySuccess"/>.
/// </summary>
internal static partial class NativeMethods
{
    /// <summary>Library name; the runtime probes <c>libmoderation_torch.so</c> next to the application.</summary>
    internal const string Library = "moderation_torch";

    /// <summary>Capacity of name buffers for <c>mt_module_tensor_info</c> (bytes, including the NUL).</summary>
    internal const int NameCapacity = 256;

    [LibraryImport(Library, EntryPoint = "mt_last_error")]
    private static partial nint LastError();

    /// <summary>Throws <see cref="TorchException"/> with the native thread-local message unless
    /// <paramref name="status"/> is 0 (<c>MT_OK</c>). Call it right after the native call, on the same thread.</summary>
    internal static void VerifySuccess(int status)
    {
        if (status == 0) return;
        var message = Marshal.PtrToStringUTF8(LastError());
        throw new TorchException((TorchErrorKind)status, string.IsNullOrEmpty(message) ? $"native status {status}" : message);
    }
}
