using Microsoft.Extensions.Logging;

namespace Moderation.Scoring.Runtime;

/// <summary>Log messages of <see cref="OnnxModelSession"/>.</summary>
internal static partial class OnnxModelSessionLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information,
        Message = "Loaded ONNX model {ModelPath} on the {ExecutionProvider} execution provider in {ElapsedMs:F1} ms: input {Input} [{InputShape}], outputs {Outputs}")]
    public static partial void SessionCreated(
        ILogger logger, string modelPath, string executionProvider, double elapsedMs, string input, string inputShape, string outputs);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning,
        Message = "Execution provider 'auto': no CUDA device, falling back to CPU: {Reason}")]
    public static partial void CudaFallback(ILogger logger, string reason);
}
