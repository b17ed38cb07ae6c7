using System.Globalization;

namespace Moderation.Core.Networks;

/// <summary>
/// One layer of a feed-forward network, in the order of a <c>torch.nn.Sequential</c>.
/// The list of layers in a <see cref="NetworkSpec"/> is the single source of truth: the TorchSharp modules (Moderation.Training's NetworkModule) are built
/// from these records and the ONNX exporter writes graph nodes from the same records.
/// Parameter names follow PyTorch's <c>nn.Sequential</c> naming: <c>"{index}.weight"</c>, <c>"{index}.bias"</c>,
/// <c>"{index}.running_mean"</c>, <c>"{index}.running_var"</c>.
/// </summary>
public abstract record LayerSpec
{
    /// <summary>The layer as one token of the native spec string, e.g. <c>conv2d 1 64 4 2 1 1</c>.</summary>
    public abstract string ToSpecToken();

    /// <summary>Output shape (without the batch dimension) for an input shape (without the batch dimension).</summary>
    /// <exception cref="ArgumentException">The input shape does not fit this layer.</exception>
    public abstract int[] OutputShape(int[] input);

    /// <summary>Invariant formatting of a floating-point hyperparameter for the spec string.</summary>
    protected static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
