namespace Moderation.Onnx.Runtime;

/// <summary>An error reported by ONNX Runtime (an <c>OrtStatus</c>), or a model/run that this binding cannot serve.</summary>
public sealed class OnnxRuntimeException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errorCode">ONNX Runtime's error code.</param>
    /// <param name="message">ONNX Runtime's message, possibly with context added.</param>
    /// <param name="innerException">The cause, if any.</param>
    public OnnxRuntimeException(OnnxRuntimeErrorCode errorCode, string message, Exception? innerException = null)
        : base(message, innerException) => ErrorCode = errorCode;

    /// <summary>ONNX Runtime's <c>OrtErrorCode</c>.</summary>
    public OnnxRuntimeErrorCode ErrorCode { get; }
}
