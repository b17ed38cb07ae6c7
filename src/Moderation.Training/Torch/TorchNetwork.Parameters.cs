using Moderation.Core.Networks;

namespace Moderation.Training.Torch;

public sealed partial class TorchNetwork
{
    /// <summary>
    /// Every float32 parameter and buffer, layer by layer (parameters first, then buffers), e.g. for the DCGAN
    /// discriminator <c>"0.weight" [64,1,4,4]</c>, <c>"2.weight" [128,64,4,4]</c>, <c>"3.weight" [128]</c>,
    /// <c>"3.bias"</c>, <c>"3.running_mean"</c>, <c>"3.running_var"</c>, <c>"6.weight" [1,6272]</c>, <c>"6.bias" [1]</c>.
    /// BatchNorm's int64 <c>num_batches_tracked</c> is not listed (unused when momentum is set, as every spec does).
    /// </summary>
    /// <returns>Copies of the values; changing them does not change the network (use <see cref="SetParameters"/>).</returns>
    /// <exception cref="TorchException">libtorch failed.</exception>
    public unsafe IReadOnlyList<NamedTensor> Parameters()
    {
        ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
        NativeMethods.VerifySuccess(NativeMethods.TensorCount(Handle, out int count));
        var result = new List<NamedTensor>(count);
        Span<byte> name = stackalloc byte[NativeMethods.NameCapacity];
        Span<long> shape = stackalloc long[8];
        for (int i = 0; i < count; i++)
        {
            int rank;
            fixed (byte* pName = name)
            fixed (long* pShape = shape)
            {
                NativeMethods.VerifySuccess(NativeMethods.TensorInfo(Handle, i, pName, name.Length, pShape, shape.Length, out rank));
            }
            var dims = new int[rank];
            for (int d = 0; d < rank; d++) dims[d] = checked((int)shape[d]);
            var key = Utf8(name);
            var data = new float[dims.Aggregate(1, (a, b) => a * b)];
            fixed (float* pData = data)
            {
                NativeMethods.VerifySuccess(NativeMethods.TensorRead(Handle, key, pData, data.Length));
            }
            result.Add(new NamedTensor(key, dims, data));
        }
        return result;
    }

    /// <summary>Overwrites the named parameters and buffers (any subset; names as in <see cref="Parameters"/>).</summary>
    /// <param name="tensors">Values with names known to this network and matching element counts.</param>
    /// <exception cref="ArgumentException">A tensor's data length differs from its shape's element count.</exception>
    /// <exception cref="TorchException">An unknown name or an element count that differs from the network's tensor;
    /// tensors before it in <paramref name="tensors"/> have been written.</exception>
    public unsafe void SetParameters(IEnumerable<NamedTensor> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
        foreach (var tensor in tensors)
        {
            if (tensor.Data.Length != tensor.Length)
                throw new ArgumentException($"'{tensor.Name}' holds {tensor.Data.Length} values for shape [{string.Join(',', tensor.Shape)}]", nameof(tensors));
            fixed (float* pData = tensor.Data)
            {
                NativeMethods.VerifySuccess(NativeMethods.TensorWrite(Handle, tensor.Name, pData, tensor.Data.Length));
            }
        }
    }
}
