namespace Moderation.Scoring.Runtime;

/// <summary>Values of <see cref="OnnxSessionOptions.ExecutionProvider"/>.</summary>
public static class OnnxExecutionProviders
{
    /// <summary>ONNX Runtime's default CPU execution provider.</summary>
    public const string Cpu = "cpu";

    /// <summary>The CUDA execution provider; start-up fails with ONNX Runtime's message when it cannot be loaded
    /// (e.g. <c>libcublasLt.so.13: cannot open shared object file</c>) or finds no GPU.</summary>
    public const string Cuda = "cuda";

    /// <summary>The TensorRT execution provider, with CUDA for the nodes TensorRT does not take; start-up fails when
    /// either cannot be loaded.</summary>
    public const string TensorRt = "tensorrt";

    /// <summary>CUDA when ONNX Runtime lists a CUDA device (<c>OrtEnv.GetEpDevices</c> after registering the CUDA
    /// provider library), otherwise CPU with one logged warning.</summary>
    public const string Auto = "auto";
}
