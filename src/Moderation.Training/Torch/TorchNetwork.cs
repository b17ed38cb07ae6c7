using System.Text;
using Moderation.Core.Networks;

namespace Moderation.Training.Torch;

/// <summary>
/// A feed-forward network in libtorch, built from a <see cref="NetworkSpec"/> (a <c>torch::nn::Sequential</c> whose
/// parameters are named <c>"{index}.weight"</c>, <c>"{index}.bias"</c>, buffers <c>"{index}.running_mean"</c>,
/// <c>"{index}.running_var"</c>). Not thread-safe: use one instance from one thread at a time.
/// </summary>
public sealed partial class TorchNetwork : IDisposable
{
    private readonly int[] _layerSizes;

    private TorchNetwork(NetworkSpec spec, TorchModuleHandle handle)
    {
        Spec = spec;
        Handle = handle;
        _layerSizes = [.. spec.LayerOutputShapes().Select(s => s.Aggregate(1, (a, b) => a * b))];
    }

    /// <summary>The spec the network was built from.</summary>
    public NetworkSpec Spec { get; }

    /// <summary>Elements per sample of the input (product of <see cref="NetworkSpec.InputShape"/>).</summary>
    public int InputSize => Spec.InputShape.Aggregate(1, (a, b) => a * b);

    /// <summary>Elements per sample of the output (product of <see cref="NetworkSpec.OutputShape"/>).</summary>
    public int OutputSize => _layerSizes[^1];

    internal TorchModuleHandle Handle { get; }

    /// <summary>
    /// Builds the network and initialises it per DCGAN (Radford et al. 2016): convolution, transposed-convolution and
    /// linear weights ~ N(0, 0.02), biases 0; BatchNorm weight ~ N(1, 0.02), bias 0; drawn from a libtorch CPU
    /// generator seeded with <paramref name="seed"/>, so equal seeds give equal weights.
    /// </summary>
    /// <remarks>The first network created applies <see cref="TorchRuntime.SetThreads(int)"/> with the processor
    /// count unless the process has set threads already.</remarks>
    /// <exception cref="ArgumentException">The spec's layers do not fit together.</exception>
    /// <exception cref="TorchException">The shim rejected the spec string (the message names the line), or
    /// libtorch's shapes disagree with the spec's.</exception>
    public static TorchNetwork Create(NetworkSpec spec, long seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var sizes = spec.LayerOutputShapes().Select(s => s.Aggregate(1L, (a, b) => a * b)).ToArray();
        TorchRuntime.EnsureConfigured();
        NativeMethods.VerifySuccess(NativeMethods.ModuleCreate(spec.ToNativeSpec(), unchecked((ulong)seed), out var handle));
        var network = new TorchNetwork(spec, handle);
        try
        {
            network.VerifyShapes(sizes);
            return network;
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>Builds a network from a raw spec string (see <see cref="NetworkSpec.ToNativeSpec"/>); for tools that
    /// only check a spec. Returns the number of layers libtorch built.</summary>
    /// <exception cref="TorchException">The string is malformed; the message names the line and the field.</exception>
    public static int ValidateNativeSpec(string nativeSpec)
    {
        ArgumentNullException.ThrowIfNull(nativeSpec);
        NativeMethods.VerifySuccess(NativeMethods.ModuleCreate(nativeSpec, 0, out var handle));
        using (handle)
        {
            NativeMethods.VerifySuccess(NativeMethods.ModuleLayerCount(handle, out int count));
            return count;
        }
    }

    private void VerifyShapes(long[] expected)
    {
        NativeMethods.VerifySuccess(NativeMethods.ModuleLayerCount(Handle, out int count));
        if (count != expected.Length)
            throw new TorchException(TorchErrorKind.Internal, $"libtorch built {count} layers, the spec has {expected.Length}");
        for (int i = 0; i < count; i++)
        {
            NativeMethods.VerifySuccess(NativeMethods.ModuleLayerNumel(Handle, i, out long numel));
            if (numel != expected[i])
                throw new TorchException(TorchErrorKind.Internal,
                    $"layer {i} ({Spec.Layers[i].ToSpecToken()}) yields {numel} values per sample in libtorch, the spec says {expected[i]}");
        }
    }

    /// <summary>Writes parameters and buffers to <paramref name="path"/> with <c>torch::save</c>.</summary>
    /// <exception cref="TorchException">The file cannot be written.</exception>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
        NativeMethods.VerifySuccess(NativeMethods.ModuleSave(Handle, Path.GetFullPath(path)));
    }

    /// <summary>Reads parameters and buffers written by <see cref="Save"/>. The network is unchanged on failure.</summary>
    /// <exception cref="TorchException">The file is missing, unreadable, or holds another architecture.</exception>
    public void Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
        NativeMethods.VerifySuccess(NativeMethods.ModuleLoad(Handle, Path.GetFullPath(path)));
    }

    /// <summary>Frees the native network (a <see cref="GanOptimizer"/> built on it keeps its own reference).</summary>
    public void Dispose() => Handle.Dispose();

    private static string Utf8(ReadOnlySpan<byte> nulTerminated)
    {
        int end = nulTerminated.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? nulTerminated : nulTerminated[..end]);
    }
}
