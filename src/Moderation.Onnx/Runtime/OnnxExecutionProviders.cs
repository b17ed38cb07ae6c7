namespace Moderation.Onnx.Runtime;

/// <summary>Values of <see cref="OnnxSessionOptions.ExecutionProvider"/>.</summary>
public static class OnnxExecutionProviders
{
    /// <summary>ONNX Runtime's default CPU execution provider.</summary>
    public const string Cpu = "cpu";

    /// <summary>The CUDA execution provider (OrtCUDAProviderOptionsV2); session creation fails when it is unavailable.</summary>
    public const string Cuda = "cuda";

    /// <summary>CUDA when it can be loaded, otherwise CPU with a logged warning.</summary>
    public const string Auto = "auto";
}
