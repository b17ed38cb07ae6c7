namespace Moderation.Training.Torch;

/// <summary>
/// Supervised real-vs-fake training of one network with one logit output (e.g. a copy of a trained discriminator,
/// fine-tuned against samples of frozen generator snapshots as in Wang et al. 2020, "CNN-generated images are
/// surprisingly easy to spot… for now"): Adam (Kingma &amp; Ba 2015) on BCE-with-logits with target
/// <c>realLabel</c> for real and 0 for fake images. The native state keeps its own reference to the network.
/// Not thread-safe.
/// </summary>
public sealed class ClassifierOptimizer : IDisposable
{
    private readonly TorchClassifierHandle _handle;
    private readonly int _inputSize;

    /// <summary>Creates the Adam optimiser for <paramref name="network"/>'s parameters.</summary>
    /// <param name="network">The classifier: input → one logit per sample (higher = more real) for the real-vs-fake
    /// step, or ≥ 2 logits per sample for the labelled step.</param>
    /// <param name="learningRate">Adam step size, e.g. 1e-4.</param>
    /// <param name="beta1">Adam β1, e.g. 0.5.</param>
    /// <param name="beta2">Adam β2, e.g. 0.999.</param>
    /// <exception cref="TorchException">A hyperparameter is out of range.</exception>
    public ClassifierOptimizer(TorchNetwork network, double learningRate, double beta1, double beta2)
    {
        ArgumentNullException.ThrowIfNull(network);
        NativeMethods.VerifySuccess(NativeMethods.ClassifierCreate(network.Handle, learningRate, beta1, beta2, out _handle));
        _inputSize = network.InputSize;
    }

    /// <summary>One Adam step in train mode (BatchNorm uses batch statistics; real and fake batches pass separately).</summary>
    /// <param name="real">Real images float32 <c>[realBatch, input…]</c> (for DCGAN <c>[N,1,28,28]</c> in [−1,1]).</param>
    /// <param name="realBatch">Real samples, ≥ 2.</param>
    /// <param name="fake">Fake images float32 <c>[fakeBatch, input…]</c>.</param>
    /// <param name="fakeBatch">Fake samples, ≥ 2.</param>
    /// <param name="realLabel">Target for real images in (0,1]; default 1.</param>
    /// <exception cref="ArgumentException">A batch's length does not match its count.</exception>
    /// <exception cref="TorchException">libtorch failed, or a batch is smaller than 2.</exception>
    public unsafe ClassifierStepResult Step(ReadOnlySpan<float> real, int realBatch, ReadOnlySpan<float> fake, int fakeBatch,
        float realLabel = 1f)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        if (real.Length != (long)realBatch * _inputSize)
            throw new ArgumentException($"real batch holds {real.Length} floats, expected {realBatch}·{_inputSize}", nameof(real));
        if (fake.Length != (long)fakeBatch * _inputSize)
            throw new ArgumentException($"fake batch holds {fake.Length} floats, expected {fakeBatch}·{_inputSize}", nameof(fake));
        Span<float> stats = stackalloc float[3];
        fixed (float* pReal = real)
        fixed (float* pFake = fake)
        fixed (float* pStats = stats)
        {
            NativeMethods.VerifySuccess(NativeMethods.ClassifierStep(_handle, pReal, realBatch, pFake, fakeBatch, realLabel,
                pStats, stats.Length));
        }
        return new ClassifierStepResult(stats[0], stats[1], stats[2]);
    }

    /// <summary>One Adam step in train mode on the softmax cross-entropy of the network's logits against class labels
    /// (for a network with ≥ 2 outputs, e.g. a transformation classifier).</summary>
    /// <param name="inputs">Inputs float32 <c>[batch, input…]</c>.</param>
    /// <param name="batch">Samples, ≥ 2.</param>
    /// <param name="labels">Class of each sample, in [0, outputs).</param>
    /// <returns>Loss (mean cross-entropy, nats) and accuracy of the arg-max, both before the update.</returns>
    /// <exception cref="ArgumentException">A length does not match <paramref name="batch"/>.</exception>
    /// <exception cref="TorchException">libtorch failed, the network has one output, a label is out of range, or the
    /// batch is smaller than 2.</exception>
    public unsafe (float Loss, float Accuracy) Step(ReadOnlySpan<float> inputs, int batch, ReadOnlySpan<long> labels)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        if (inputs.Length != (long)batch * _inputSize)
            throw new ArgumentException($"batch holds {inputs.Length} floats, expected {batch}·{_inputSize}", nameof(inputs));
        if (labels.Length != batch) throw new ArgumentException($"{labels.Length} labels for {batch} samples", nameof(labels));
        Span<float> stats = stackalloc float[2];
        fixed (float* pInputs = inputs)
        fixed (long* pLabels = labels)
        fixed (float* pStats = stats)
        {
            NativeMethods.VerifySuccess(NativeMethods.ClassifierStepLabels(_handle, pInputs, batch, pLabels, pStats, stats.Length));
        }
        return (stats[0], stats[1]);
    }

    /// <summary>Frees the optimiser state (the network stays usable).</summary>
    public void Dispose() => _handle.Dispose();
}
