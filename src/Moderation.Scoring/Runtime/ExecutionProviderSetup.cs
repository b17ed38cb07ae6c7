using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace Moderation.Scoring.Runtime;

/// <summary>Builds ONNX Runtime <see cref="SessionOptions"/> for <see cref="OnnxSessionOptions"/>: threads, then the
/// execution provider, with the <c>auto</c> fallback to CPU.</summary>
internal static class ExecutionProviderSetup
{
    /// <summary>Creates the session options and says which execution provider they select.</summary>
    /// <exception cref="InvalidOperationException"><c>cuda</c> or <c>tensorrt</c> was asked for and ONNX Runtime cannot
    /// load that provider; the message is ONNX Runtime's (or the dynamic loader's), naming the missing library.</exception>
    public static (SessionOptions Options, string ExecutionProvider) Create(OnnxSessionOptions options, ILogger logger)
    {
        var session = new SessionOptions();
        try
        {
            if (options.IntraOpThreads > 0) session.IntraOpNumThreads = options.IntraOpThreads;
            if (options.InterOpThreads > 0) session.InterOpNumThreads = options.InterOpThreads;
            var provider = options.ExecutionProvider switch
            {
                OnnxExecutionProviders.Cpu => OnnxExecutionProviders.Cpu,
                OnnxExecutionProviders.Cuda => AppendCuda(session, options.DeviceId),
                OnnxExecutionProviders.TensorRt => AppendTensorRt(session, options.DeviceId),
                OnnxExecutionProviders.Auto => AppendAuto(session, options.DeviceId, logger),
                _ => throw new ArgumentException($"unknown execution provider '{options.ExecutionProvider}'", nameof(options)),
            };
            return (session, provider);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private static string AppendCuda(SessionOptions session, int deviceId)
    {
        try
        {
            session.AppendExecutionProvider_CUDA(deviceId);
        }
        catch (OnnxRuntimeException e)
        {
            // ONNX Runtime's exception here only says "Failed to load shared library"; registering the library gives
            // its message with the missing file.
            throw Unavailable(OnnxExecutionProviders.Cuda, CudaProviderRegistration.Error ?? e.Message, e);
        }

        return OnnxExecutionProviders.Cuda;
    }

    private static string AppendTensorRt(SessionOptions session, int deviceId)
    {
        try
        {
            session.AppendExecutionProvider_Tensorrt(deviceId);
        }
        catch (OnnxRuntimeException e)
        {
            throw Unavailable(OnnxExecutionProviders.TensorRt, CudaProviderRegistration.Error ?? CudaProviderRegistration.TensorRtLoadError() ?? e.Message, e);
        }

        AppendCuda(session, deviceId); // for the nodes TensorRT does not take
        return OnnxExecutionProviders.TensorRt;
    }

    private static string AppendAuto(SessionOptions session, int deviceId, ILogger logger)
    {
        if (CudaProviderRegistration.Error is { } error)
        {
            OnnxModelSessionLog.CudaFallback(logger, error);
            return OnnxExecutionProviders.Cpu;
        }

        var devices = CudaProviderRegistration.Devices();
        if (deviceId >= devices.Count)
        {
            var listed = string.Join(", ", OrtEnv.Instance().GetEpDevices().Select(d => $"{d.EpName} ({d.HardwareDevice.Type})"));
            OnnxModelSessionLog.CudaFallback(logger, $"ONNX Runtime lists {devices.Count} CUDA device(s), none with index {deviceId}; devices: {listed}");
            return OnnxExecutionProviders.Cpu;
        }

        session.AppendExecutionProvider(OrtEnv.Instance(), [devices[deviceId]], new Dictionary<string, string>());
        return OnnxExecutionProviders.Cuda;
    }

    private static InvalidOperationException Unavailable(string provider, string reason, Exception inner) =>
        new($"execution provider '{provider}' was requested, but ONNX Runtime {OrtEnv.Instance().GetVersionString()} cannot use it: {reason}. " +
            "It needs the CUDA 13 and cuDNN 9 libraries on the library path (LD_LIBRARY_PATH), see README \"GPU\".", inner);
}
