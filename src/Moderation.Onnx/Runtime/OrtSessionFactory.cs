using System.Globalization;
using Microsoft.Extensions.Logging;
using Moderation.Onnx.Runtime.Interop;

namespace Moderation.Onnx.Runtime;

/// <summary>Creates the native session for <see cref="OnnxModelSession"/>: threads, then the execution provider
/// chosen by <see cref="OnnxSessionOptions.ExecutionProvider"/>, with the <c>auto</c> fallback to CPU.</summary>
internal static class OrtSessionFactory
{
    /// <summary>Creates the session and says which execution provider it uses (<c>cpu</c> or <c>cuda</c>).</summary>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime cannot load the model, or <c>cuda</c> was asked for and
    /// the CUDA execution provider cannot be used.</exception>
    internal static (OrtSessionHandle Session, string ExecutionProvider) Create(
        string modelPath, OnnxSessionOptions options, ILogger logger)
    {
        switch (options.ExecutionProvider)
        {
            case OnnxExecutionProviders.Cpu:
                return (CreateWith(modelPath, options, cuda: false), OnnxExecutionProviders.Cpu);
            case OnnxExecutionProviders.Cuda:
                try
                {
                    return (CreateWith(modelPath, options, cuda: true), OnnxExecutionProviders.Cuda);
                }
                catch (CudaUnavailableException ex)
                {
                    throw new OnnxRuntimeException(ex.Cause.ErrorCode,
                        $"execution provider 'cuda' was requested, but ONNX Runtime {NativeMethods.GetVersionString()} cannot use it " +
                        $"(compiled-in providers: {string.Join(", ", NativeMethods.GetAvailableProviders())}; CUDA also needs " +
                        "libonnxruntime_providers_shared.so and libonnxruntime_providers_cuda.so beside libonnxruntime.so.1, plus the " +
                        $"CUDA and cuDNN runtimes): {ex.Cause.Message}",
                        ex.Cause);
                }
            case OnnxExecutionProviders.Auto:
                try
                {
                    return (CreateWith(modelPath, options, cuda: true), OnnxExecutionProviders.Cuda);
                }
                catch (CudaUnavailableException ex)
                {
                    OnnxModelSessionLog.CudaFallback(logger, modelPath, ex.Cause.Message, ex.Cause);
                    return (CreateWith(modelPath, options, cuda: false), OnnxExecutionProviders.Cpu);
                }
            default:
                throw new ArgumentException($"unknown execution provider '{options.ExecutionProvider}'", nameof(options));
        }
    }

    private static OrtSessionHandle CreateWith(string modelPath, OnnxSessionOptions options, bool cuda)
    {
        var env = OrtEnvironment.Handle;
        using var sessionOptions = NativeMethods.CreateSessionOptions();
        if (options.IntraOpThreads > 0) NativeMethods.SetIntraOpNumThreads(sessionOptions, options.IntraOpThreads);
        if (options.InterOpThreads > 0) NativeMethods.SetInterOpNumThreads(sessionOptions, options.InterOpThreads);
        if (cuda) AppendCuda(sessionOptions, options.DeviceId);
        try
        {
            return NativeMethods.CreateSession(env, modelPath, sessionOptions);
        }
        catch (OnnxRuntimeException ex) when (cuda && ex.ErrorCode is OnnxRuntimeErrorCode.EpFail or OnnxRuntimeErrorCode.EngineError)
        {
            throw new CudaUnavailableException(ex);
        }
    }

    /// <summary>Appends the CUDA execution provider through <c>OrtCUDAProviderOptionsV2</c>.</summary>
    private static void AppendCuda(OrtSessionOptionsHandle sessionOptions, int deviceId)
    {
        try
        {
            using var cuda = NativeMethods.CreateCudaProviderOptions();
            if (deviceId != 0) // the options start at device 0
                NativeMethods.UpdateCudaProviderOptions(cuda, "device_id", deviceId.ToString(CultureInfo.InvariantCulture));
            NativeMethods.AppendExecutionProviderCuda(sessionOptions, cuda);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new CudaUnavailableException(ex);
        }
    }
}
