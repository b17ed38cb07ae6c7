using Moderation.Core.Networks;
using static TorchSharp.torch;

namespace Moderation.Training.Torch;

/// <summary>
/// A network in TorchSharp (a <see cref="NetworkModule"/>, float32 on the CPU) with array-in, array-out helpers for
/// the retraining job: forward passes with a tapped layer, generator sampling, and its parameters and buffers by name
/// for the ONNX exporter. Not thread-safe: use one instance from one thread at a time.
/// </summary>
public sealed partial class TorchNetwork : IDisposable
{
    private readonly int[] _layerSizes;

    private TorchNetwork(NetworkModule module)
    {
        Module = module;
        _layerSizes = [.. Spec.LayerOutputShapes().Select(s => s.Aggregate(1, (a, b) => a * b))];
    }

    /// <summary>The TorchSharp module (for optimisers and tests); owned by this instance.</summary>
    public NetworkModule Module { get; }

    /// <summary>The spec the network was built from.</summary>
    public NetworkSpec Spec => Module.Spec;

    /// <summary>Elements per sample of the input (product of <see cref="NetworkSpec.InputShape"/>).</summary>
    public int InputSize => Spec.InputShape.Aggregate(1, (a, b) => a * b);

    /// <summary>Elements per sample of the output (product of <see cref="NetworkSpec.OutputShape"/>).</summary>
    public int OutputSize => _layerSizes[^1];

    /// <summary>Builds the network with the DCGAN initialisation (<see cref="NetworkModule.InitialiseDcgan"/>): equal
    /// seeds give equal weights.</summary>
    /// <remarks>The first network created applies <see cref="TorchRuntime.SetThreads"/> with the processor count
    /// unless the process has set threads already.</remarks>
    /// <exception cref="ArgumentException">The spec's layers do not fit together.</exception>
    /// <exception cref="NotSupportedException">A layer type has no TorchSharp mapping.</exception>
    public static TorchNetwork Create(NetworkSpec spec, long seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        TorchRuntime.EnsureConfigured();
        var module = new NetworkModule(spec);
        try
        {
            module.InitialiseDcgan(seed);
            return new TorchNetwork(module);
        }
        catch
        {
            module.Dispose();
            throw;
        }
    }

    /// <summary>An independent copy: a new network of the same <see cref="Spec"/> holding this one's current parameters
    /// and buffers (BatchNorm running statistics included). Training either one leaves the other unchanged.</summary>
    public TorchNetwork Copy()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var copy = Create(Spec, 0);
        using var noGrad = no_grad();
        var source = Module.state_dict();
        foreach (var (name, tensor) in copy.Module.state_dict()) tensor.copy_(source[name]);
        return copy;
    }

    private bool _disposed;

    /// <summary>Frees the module's tensors.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Module.Dispose();
    }
}
