using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Moderation.Core.Networks;

namespace Moderation.Scoring.Runtime;

public sealed partial class OnnxModelSession
{
    /// <summary>Runs a batch and returns every output (see <see cref="Run(ReadOnlySpan{float}, int, IReadOnlyList{string})"/>).</summary>
    /// <param name="input">float32 <c>[batchSize, …]</c> row-major; at least batchSize·<see cref="SampleLength"/> values.</param>
    /// <param name="batchSize">N ≥ 1.</param>
    public IReadOnlyList<NamedTensor> Run(ReadOnlySpan<float> input, int batchSize) => Run(input, batchSize, OutputNames);

    /// <summary>Runs a batch and copies each requested output into a new managed tensor (for offline jobs; the
    /// service's scorer uses <see cref="Run(ReadOnlySpan{float}, int, IReadOnlyList{string}, Span{float})"/>).</summary>
    /// <param name="input">float32 <c>[batchSize, …]</c> row-major; the first batchSize·<see cref="SampleLength"/>
    /// values are used, without copying.</param>
    /// <param name="batchSize">N ≥ 1.</param>
    /// <param name="outputNames">Outputs to compute, a subset of <see cref="OutputNames"/>; ONNX Runtime only
    /// evaluates the nodes they need.</param>
    /// <returns>One float32 tensor per requested output, in the requested order, with ONNX Runtime's shape
    /// (e.g. <c>logit</c> <c>[N,1]</c>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> &lt; 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="input"/> is too short, or an output name is unknown.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime failed to run the model.</exception>
    /// <exception cref="ObjectDisposedException">The session was disposed.</exception>
    public unsafe IReadOnlyList<NamedTensor> Run(ReadOnlySpan<float> input, int batchSize, IReadOnlyList<string> outputNames)
    {
        CheckRun(input, batchSize, outputNames);
        fixed (float* data = input)
        {
            using var inputValue = WrapInput(data, batchSize);
            using var outputs = session.Run(runOptions, inputNames, [inputValue], outputNames);
            var result = new NamedTensor[outputNames.Count];
            var i = 0;
            foreach (var output in outputs)
            {
                var shape = output.GetTensorTypeAndShape().Shape.Select(d => checked((int)d)).ToArray();
                result[i] = new NamedTensor(outputNames[i], shape, output.GetTensorDataAsSpan<float>().ToArray());
                i++;
            }

            return result;
        }
    }

    /// <summary>
    /// Runs a batch with the caller's memory on both sides: the input is wrapped without copying, and ONNX Runtime
    /// writes output k, float32 <c>[batchSize, …]</c>, straight into <paramref name="destination"/> after the outputs
    /// before it (pre-allocated outputs). No managed buffer is allocated per image; per call only the small OrtValue
    /// wrappers and shape arrays.
    /// </summary>
    /// <param name="input">float32 <c>[batchSize, …]</c> row-major; the first batchSize·<see cref="SampleLength"/> values are used.</param>
    /// <param name="batchSize">N ≥ 1.</param>
    /// <param name="outputNames">Outputs to compute; each must have a fixed shape after the batch dimension.</param>
    /// <param name="destination">At least batchSize·Σ <see cref="OutputSampleLength"/> floats.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> &lt; 1.</exception>
    /// <exception cref="ArgumentException">A span is too short, an output name is unknown or has a symbolic item shape.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime failed to run the model.</exception>
    /// <exception cref="ObjectDisposedException">The session was disposed.</exception>
    public unsafe void Run(ReadOnlySpan<float> input, int batchSize, IReadOnlyList<string> outputNames, Span<float> destination)
    {
        CheckRun(input, batchSize, outputNames);
        var outputs = new OrtValue[outputNames.Count];
        fixed (float* data = input)
        fixed (float* target = destination)
        {
            using var inputValue = WrapInput(data, batchSize);
            try
            {
                long offset = 0;
                for (var k = 0; k < outputs.Length; k++)
                {
                    var dims = session.OutputMetadata[outputNames[k]].Dimensions;
                    var shape = new long[dims.Length];
                    shape[0] = batchSize;
                    for (var d = 1; d < dims.Length; d++) shape[d] = dims[d];
                    var length = OutputSampleLength(outputNames[k]) * batchSize;
                    if (length < 0 || offset + length > destination.Length)
                        throw new ArgumentException($"output '{outputNames[k]}' [{string.Join(',', shape)}] does not fit the {destination.Length} floats given", nameof(destination));
                    outputs[k] = OrtValue.CreateTensorValueWithData(OrtMemoryInfo.DefaultInstance, TensorElementType.Float, shape,
                        (nint)(target + offset), length * sizeof(float));
                    offset += length;
                }

                session.Run(runOptions, inputNames, [inputValue], outputNames, outputs);
            }
            finally
            {
                foreach (var output in outputs) output?.Dispose();
            }
        }
    }

    private unsafe OrtValue WrapInput(float* data, int batchSize)
    {
        var shape = new long[SampleShape.Count + 1];
        shape[0] = batchSize;
        for (var d = 0; d < SampleShape.Count; d++) shape[d + 1] = SampleShape[d];
        var count = (long)batchSize * SampleLength;
        return OrtValue.CreateTensorValueWithData(OrtMemoryInfo.DefaultInstance, TensorElementType.Float, shape, (nint)data, count * sizeof(float));
    }

    private void CheckRun(ReadOnlySpan<float> input, int batchSize, IReadOnlyList<string> outputNames)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentNullException.ThrowIfNull(outputNames);
        var elementCount = (long)batchSize * SampleLength;
        if (input.Length < elementCount)
            throw new ArgumentException($"input has {input.Length} values; {batchSize} items need {elementCount}", nameof(input));
        if (outputNames.Count == 0)
            throw new ArgumentException("ask for at least one output", nameof(outputNames));
        foreach (var name in outputNames)
        {
            if (!session.OutputMetadata.ContainsKey(name))
                throw new ArgumentException($"model has no output '{name}' (outputs: {string.Join(", ", OutputNames)})", nameof(outputNames));
        }
    }
}
