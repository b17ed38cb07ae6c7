namespace Moderation.Onnx.Runtime.Interop;

/// <summary>The process-wide OrtEnv (ONNX Runtime expects one per process; sessions share it). Created on first use and
/// kept for the life of the process; ORT's own log lines of severity warning and above go to stderr.</summary>
internal static class OrtEnvironment
{
    private static readonly Lazy<OrtEnvHandle> Shared =
        new(() => NativeMethods.CreateEnv(OrtLoggingLevel.Warning, "moderation"), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The shared environment.</summary>
    /// <exception cref="DllNotFoundException">libonnxruntime.so.1 cannot be found.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime refused to create the environment.</exception>
    internal static OrtEnvHandle Handle => Shared.Value;
}
