using Moderation.Core.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace Moderation.Training.Torch;

/// <summary>
/// A feed-forward network built from a <see cref="NetworkSpec"/>, the description the ONNX exporter also writes from:
/// one child module per layer, registered as <c>"0"</c>, <c>"1"</c>, … so that parameters and buffers are named
/// <c>"{index}.weight"</c>, <c>"{index}.bias"</c>, <c>"{index}.running_mean"</c>, <c>"{index}.running_var"</c>
/// (PyTorch's <c>nn.Sequential</c> naming, which the ONNX initializers keep). Layer mapping:
/// <see cref="LayerModules.Create"/>.
/// </summary>
public sealed class NetworkModule : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor>[] _layers;

    /// <summary>Builds the layers (PyTorch's default initialisation; see <see cref="InitialiseDcgan"/>).</summary>
    /// <param name="spec">The network.</param>
    /// <exception cref="ArgumentException">The spec's layers do not fit together.</exception>
    /// <exception cref="NotSupportedException">A layer type has no TorchSharp mapping.</exception>
    public NetworkModule(NetworkSpec spec) : base((spec ?? throw new ArgumentNullException(nameof(spec))).Name)
    {
        spec.LayerOutputShapes(); // throws when the layers do not fit
        Spec = spec;
        _layers = [.. spec.Layers.Select(LayerModules.Create)];
        for (int i = 0; i < _layers.Length; i++) register_module(i.ToString(System.Globalization.CultureInfo.InvariantCulture), _layers[i]);
    }

    /// <summary>The spec the network was built from.</summary>
    public NetworkSpec Spec { get; }

    /// <summary>Input <c>[N, InputShape…]</c> → output <c>[N, OutputShape…]</c>.</summary>
    public override Tensor forward(Tensor input) => Forward(input, -1, out _);

    /// <summary>Forward pass that also returns layer <paramref name="tapLayer"/>'s output (or the input for −1).</summary>
    /// <param name="input">float32 <c>[N, InputShape…]</c>.</param>
    /// <param name="tapLayer">Layer index in [−1, layer count).</param>
    /// <param name="tapped">That layer's output <c>[N, shape of layer…]</c>.</param>
    public Tensor Forward(Tensor input, int tapLayer, out Tensor tapped)
    {
        ArgumentNullException.ThrowIfNull(input);
        tapped = input;
        var x = input;
        for (int i = 0; i < _layers.Length; i++)
        {
            x = _layers[i].call(x);
            if (i == tapLayer) tapped = x;
        }
        return x;
    }

    /// <summary>
    /// DCGAN initialisation (Radford et al. 2016, section 4): convolution, transposed-convolution and linear weights
    /// ~ N(0, 0.02), biases 0; BatchNorm weight ~ N(1, 0.02), bias 0; drawn in layer order from a CPU generator seeded
    /// with <paramref name="seed"/>, so equal seeds give equal weights.
    /// </summary>
    public void InitialiseDcgan(long seed)
    {
        using var noGrad = torch.no_grad();
        var generator = new Generator(unchecked((ulong)seed));
        foreach (var (layer, spec) in _layers.Zip(Spec.Layers))
        {
            bool batchNorm = spec is BatchNorm2dSpec;
            if (!batchNorm && spec is not (Conv2dSpec or ConvTranspose2dSpec or LinearSpec)) continue;
            foreach (var (name, parameter) in layer.named_parameters(recurse: false))
            {
                if (name == "weight")
                {
                    using var drawn = randn(parameter.shape, generator: generator);
                    parameter.copy_(drawn.mul_(0.02).add_(batchNorm ? 1.0 : 0.0));
                }
                else if (name == "bias") parameter.zero_();
            }
        }
    }
}
