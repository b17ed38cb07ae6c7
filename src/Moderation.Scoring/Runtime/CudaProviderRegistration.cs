using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace Moderation.Scoring.Runtime;

/// <summary>
/// Registers ONNX Runtime's CUDA provider library with the process-wide <see cref="OrtEnv"/> once
/// (<c>RegisterExecutionProviderLibrary</c>; a relative file name is resolved by ONNX Runtime next to
/// <c>libonnxruntime.so</c>), so that <see cref="OrtEnv.GetEpDevices"/> lists the CUDA devices. When the library or
/// one of its dependencies cannot be loaded, ONNX Runtime's message names the missing file.
/// </summary>
internal static class CudaProviderRegistration
{
    /// <summary>ONNX Runtime's name of the CUDA execution provider (<c>OrtEpDevice.EpName</c>).</summary>
    public const string EpName = "CUDAExecutionProvider";

    private const string RegistrationName = "CUDA";
    private const string CudaLibrary = "libonnxruntime_providers_cuda.so";
    private const string TensorRtLibrary = "libonnxruntime_providers_tensorrt.so";
    private static readonly Lazy<string?> Registration = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Null when the CUDA provider library is registered, else ONNX Runtime's reason why not.</summary>
    public static string? Error => Registration.Value;

    /// <summary>The CUDA devices ONNX Runtime lists (empty when the library is not registered).</summary>
    public static IReadOnlyList<OrtEpDevice> Devices() =>
        Error is null ? OrtEnv.Instance().GetEpDevices().Where(d => d.EpName == EpName).ToList() : [];

    /// <summary>Why the TensorRT provider library does not load: the dynamic loader's message, which names the missing
    /// dependency (ONNX Runtime's own exception only says "Failed to load shared library"; TensorRT's provider cannot
    /// be registered like CUDA's, it exports no EP factory). Null when it loads.</summary>
    public static string? TensorRtLoadError()
    {
        try
        {
            // Probed like libonnxruntime.so itself: the app's native library folders (deps.json), then the loader's path.
            NativeLibrary.Free(NativeLibrary.Load(TensorRtLibrary, typeof(OrtEnv).Assembly, null));
            return null;
        }
        catch (DllNotFoundException e)
        {
            return e.Message;
        }
    }

    private static string? Register()
    {
        try
        {
            OrtEnv.Instance().RegisterExecutionProviderLibrary(RegistrationName, CudaLibrary);
            return null;
        }
        catch (OnnxRuntimeException e)
        {
            return e.Message;
        }
    }
}
