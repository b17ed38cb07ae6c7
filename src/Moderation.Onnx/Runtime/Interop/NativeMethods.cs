using System.Runtime.InteropServices;

namespace Moderation.Onnx.Runtime.Interop;

/// <summary>
/// ONNX Runtime C API. The library exports one symbol, <c>OrtGetApiBase</c>; everything else is a function pointer in
/// the <c>OrtApi</c> table (onnxruntime_c_api.h), read once into <c>delegate* unmanaged</c> fields by
/// <see cref="EnsureInitialized"/>. The table is append-only across releases, so the slot indices in
/// <see cref="OrtApiSlot"/> are stable. One file per native area: status, env, session options, session, values.
/// </summary>
internal static unsafe partial class NativeMethods
{
    /// <summary>The native library file (ONNX Runtime 1.30.0 CPU build from npm onnxruntime-node).</summary>
    internal const string LibraryName = "libonnxruntime.so.1";

    /// <summary>ORT_API_VERSION requested from <c>GetApi</c>; ONNX Runtime 1.30 serves API versions 1..30.</summary>
    internal const uint ApiVersion = 30;

    private static readonly Lock InitLock = new();
    private static volatile bool initialized;
    private static OrtApiBase* apiBase;

    static NativeMethods() =>
        NativeLibrary.SetDllImportResolver(typeof(NativeMethods).Assembly, OrtLibraryResolver.Resolve);

    [LibraryImport(LibraryName)]
    private static partial OrtApiBase* OrtGetApiBase();

    /// <summary>Loads the library and reads the function pointers; idempotent and thread-safe.</summary>
    /// <exception cref="DllNotFoundException">libonnxruntime.so.1 cannot be found or loaded.</exception>
    /// <exception cref="OnnxRuntimeException">The library does not serve <see cref="ApiVersion"/>.</exception>
    internal static void EnsureInitialized()
    {
        if (initialized) return;
        lock (InitLock)
        {
            if (initialized) return;
            var baseTable = OrtGetApiBase();
            var api = (nint*)baseTable->GetApi(ApiVersion);
            if (api == null)
            {
                var version = Marshal.PtrToStringUTF8((nint)baseTable->GetVersionString()) ?? "?";
                throw new OnnxRuntimeException(OnnxRuntimeErrorCode.Fail,
                    $"ONNX Runtime {version} does not serve C API version {ApiVersion}; install ONNX Runtime 1.30 or newer");
            }
            LoadStatusFunctions(api);
            LoadEnvFunctions(api);
            LoadSessionOptionsFunctions(api);
            LoadSessionFunctions(api);
            LoadValueFunctions(api);
            apiBase = baseTable;
            initialized = true;
        }
    }

    /// <summary>The library's version string, e.g. <c>1.30.0</c>.</summary>
    internal static string GetVersionString()
    {
        EnsureInitialized();
        return Marshal.PtrToStringUTF8((nint)apiBase->GetVersionString()) ?? string.Empty;
    }

    /// <summary>Reads a NUL-terminated UTF-8 string owned by ONNX Runtime.</summary>
    private static string Utf8(byte* text) => Marshal.PtrToStringUTF8((nint)text) ?? string.Empty;

    /// <summary>NUL-terminated UTF-8 bytes of <paramref name="text"/>.</summary>
    private static byte[] Utf8Z(string text)
    {
        var bytes = new byte[System.Text.Encoding.UTF8.GetByteCount(text) + 1];
        System.Text.Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }
}
