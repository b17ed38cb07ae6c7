using System.Runtime.InteropServices;

namespace Moderation.Onnx.Runtime.Interop;

/// <summary><c>struct OrtApiBase</c>: the two entry points returned by <c>OrtGetApiBase</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct OrtApiBase
{
    /// <summary><c>const OrtApi* GetApi(uint32_t version)</c>; null when the version is not served.</summary>
    public delegate* unmanaged<uint, void*> GetApi;

    /// <summary><c>const char* GetVersionString(void)</c>.</summary>
    public delegate* unmanaged<byte*> GetVersionString;
}
