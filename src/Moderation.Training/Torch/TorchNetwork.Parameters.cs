using Moderation.Core.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace Moderation.Training.Torch;

public sealed partial class TorchNetwork
{
    /// <summary>
    /// The module's float32 parameters and buffers, layer by layer (parameters first, then buffers), e.g. for the DCGAN
    /// discriminator <c>"0.weight" [64,1,4,4]</c>, <c>"2.weight" [128,64,4,4]</c>, <c>"3.weight" [128]</c>,
    /// <c>"3.bias"</c>, <c>"3.running_mean"</c>, <c>"3.running_var"</c>, <c>"6.weight" [1,6272]</c>, <c>"6.bias" [1]</c>:
    /// what the ONNX exporter writes as initializers. BatchNorm's int64 <c>num_batches_tracked</c> is left out (unused
    /// when momentum is set, as every spec does).
    /// </summary>
    /// <returns>Copies of the values; changing them does not change the network (use <see cref="SetParameters"/>).</returns>
    public IReadOnlyList<NamedTensor> Parameters()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var result = new List<NamedTensor>();
        foreach (var (layer, child) in Module.named_children())
        {
            foreach (var (name, p) in child.named_parameters(recurse: false)) result.Add(Named($"{layer}.{name}", p));
            foreach (var (name, b) in child.named_buffers(recurse: false))
                if (b.dtype == ScalarType.Float32) result.Add(Named($"{layer}.{name}", b));
        }
        return result;
    }

    /// <summary>Overwrites the named parameters and buffers (any subset; names as in <see cref="Parameters"/>).</summary>
    /// <param name="tensors">Values with names known to this network and matching shapes.</param>
    /// <exception cref="ArgumentException">An unknown name, or a shape or length that differs from the network's
    /// tensor; nothing is written then.</exception>
    public void SetParameters(IEnumerable<NamedTensor> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var state = Module.state_dict();
        var writes = new List<(Tensor Target, NamedTensor Value)>();
        foreach (var t in tensors)
        {
            if (!state.TryGetValue(t.Name, out var target) || target.dtype != ScalarType.Float32)
                throw new ArgumentException($"no float32 parameter or buffer named '{t.Name}'", nameof(tensors));
            if (!target.shape.SequenceEqual(t.Shape.Select(d => (long)d)) || t.Data.Length != t.Length)
                throw new ArgumentException($"'{t.Name}' has shape [{string.Join(',', target.shape)}], got [{string.Join(',', t.Shape)}] with {t.Data.Length} values", nameof(tensors));
            writes.Add((target, t));
        }
        using var noGrad = no_grad();
        foreach (var (target, value) in writes)
        {
            using var source = tensor(value.Data, target.shape);
            target.copy_(source);
        }
    }

    private static NamedTensor Named(string name, Tensor t) => new(name, [.. t.shape.Select(d => checked((int)d))], Floats(t.detach()));
}
