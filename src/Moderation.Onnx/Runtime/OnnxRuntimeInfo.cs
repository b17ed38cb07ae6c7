using Moderation.Onnx.Runtime.Interop;

namespace Moderation.Onnx.Runtime;

/// <summary>Facts about the loaded ONNX Runtime library.</summary>
public static class OnnxRuntimeInfo
{
    /// <summary>The library's version from <c>OrtApiBase::GetVersionString</c>, e.g. <c>1.30.0</c>.</summary>
    /// <exception cref="DllNotFoundException">libonnxruntime.so.1 cannot be found.</exception>
    public static string Version => NativeMethods.GetVersionString();

    /// <summary>Full path libonnxruntime.so.1 was loaded from (app base directory, <c>MODERATION_ORT_LIBRARY</c>, or
    /// the repository's <c>.native/onnxruntime/</c>); null if the system loader found it by default probing.</summary>
    /// <exception cref="DllNotFoundException">libonnxruntime.so.1 cannot be found.</exception>
    public static string? LibraryPath
    {
        get
        {
            NativeMethods.EnsureInitialized();
            return OrtLibraryResolver.LoadedPath;
        }
    }

    /// <summary>The C API version this binding requests (<c>ORT_API_VERSION</c>).</summary>
    public static int ApiVersion => (int)NativeMethods.ApiVersion;

    /// <summary>Execution providers compiled into the library (<c>GetAvailableProviders</c>), e.g.
    /// <c>CPUExecutionProvider</c>. A provider listed here may still fail to load if its shared library or driver is
    /// missing.</summary>
    public static IReadOnlyList<string> AvailableProviders => NativeMethods.GetAvailableProviders();
}
