namespace Moderation.Core.Networks;

/// <summary>Activations supported by both the TorchSharp modules and the ONNX exporter.</summary>
public enum ActivationKind
{
    /// <summary>max(0, x).</summary>
    Relu,
    /// <summary>x for x ≥ 0, slope·x otherwise.</summary>
    LeakyRelu,
    /// <summary>tanh(x), output in (−1, 1).</summary>
    Tanh,
    /// <summary>1 / (1 + e^−x).</summary>
    Sigmoid,
}
