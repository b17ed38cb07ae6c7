using Moderation.Core.Networks;
using Moderation.Onnx.Runtime.Interop;

namespace Moderation.Onnx.Runtime;

public sealed partial class OnnxModelSession
{
    /// <summary>Runs a batch and returns every output (see <see cref="Run(ReadOnlySpan{float}, int, IReadOnlyList{string})"/>).</summary>
    /// <param name="input">float32 <c>[batchSize, …]</c> row-major; at least batchSize·<see cref="SampleLength"/> values.</param>
    /// <param name="batchSize">N ≥ 1.</param>
    public IReadOnlyList<NamedTensor> Run(ReadOnlySpan<float> input, int batchSize) => Run(input, batchSize, OutputNames);

    /// <summary>Runs a batch of <paramref name="batchSize"/> items through the model.</summary>
    /// <param name="input">float32 <c>[batchSize, …]</c> row-major; the first batchSize·<see cref="SampleLength"/>
    /// values are used, without copying.</param>
    /// <param name="batchSize">N ≥ 1.</param>
    /// <param name="outputNames">Outputs to compute, a subset of <see cref="OutputNames"/>; ONNX Runtime only
    /// evaluates the nodes they need.</param>
    /// <returns>One float32 tensor per requested output, in the requested order, with ONNX Runtime's shape
    /// (e.g. <c>logit</c> <c>[N,1]</c>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> &lt; 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="input"/> is too short, or an output name is unknown.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime failed to run the model, or an output is not float32.</exception>
    /// <exception cref="ObjectDisposedException">The session was disposed.</exception>
    public unsafe IReadOnlyList<NamedTensor> Run(ReadOnlySpan<float> input, int batchSize, IReadOnlyList<string> outputNames)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentNullException.ThrowIfNull(outputNames);
        var elementCount = (long)batchSize * SampleLength;
        if (input.Length < elementCount)
            throw new ArgumentException($"input has {input.Length} values; {batchSize} items need {elementCount}", nameof(input));
        var count = outputNames.Count;
        if (count == 0 || count > OutputNames.Count)
            throw new ArgumentException($"ask for 1 to {OutputNames.Count} outputs", nameof(outputNames));

        Span<long> shape = stackalloc long[sampleShape.Length + 1];
        shape[0] = batchSize;
        sampleShape.CopyTo(shape[1..]);
        var indices = stackalloc int[count];
        for (var i = 0; i < count; i++)
        {
            if (!outputIndex.TryGetValue(outputNames[i], out indices[i]))
                throw new ArgumentException($"model has no output '{outputNames[i]}' (outputs: {string.Join(", ", OutputNames)})", nameof(outputNames));
        }

        using var sessionLease = new HandleLease(session);
        using var memoryLease = new HandleLease(cpuMemory);
        using var inputNamesLease = new HandleLease(inputNameTable);
        using var outputNamesLease = new HandleLease(outputNameTable);
        var names = stackalloc nint[count];
        for (var i = 0; i < count; i++) names[i] = outputNameTable.Table[indices[i]];
        var outputs = stackalloc nint[count];
        new Span<nint>(outputs, count).Clear();

        fixed (float* data = input)
        {
            using var inputValue = NativeMethods.CreateFloatTensor(memoryLease.Pointer, data, elementCount, shape);
            using var inputLease = new HandleLease(inputValue);
            var inputPointer = inputLease.Pointer;
            NativeMethods.Run(sessionLease.Pointer, inputNameTable.Table, &inputPointer, 1, names, (nuint)count, outputs);
        }
        return CopyOutputs(outputNames, outputs, count);
    }

    /// <summary>Takes ownership of the OrtValues ONNX Runtime allocated and copies each into a managed tensor.</summary>
    private static unsafe NamedTensor[] CopyOutputs(IReadOnlyList<string> outputNames, nint* outputs, int count)
    {
        var owners = new OrtValueHandle[count];
        for (var i = 0; i < count; i++) owners[i] = new OrtValueHandle(outputs[i]);
        try
        {
            var result = new NamedTensor[count];
            for (var i = 0; i < count; i++)
            {
                var (dims, data) = NativeMethods.GetFloatTensorData(outputs[i]);
                var shape = dims.Select(d => checked((int)d)).ToArray();
                var values = new float[shape.Aggregate(1L, (a, b) => a * b)];
                new ReadOnlySpan<float>((void*)data, values.Length).CopyTo(values);
                result[i] = new NamedTensor(outputNames[i], shape, values);
            }
            return result;
        }
        finally
        {
            foreach (var owner in owners) owner.Dispose();
        }
    }
}
