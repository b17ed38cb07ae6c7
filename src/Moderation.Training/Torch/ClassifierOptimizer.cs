using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace Moderation.Training.Torch;

/// <summary>
/// Supervised training of one network with <c>optim.Adam</c> (Kingma &amp; Ba 2015): real-vs-fake with one logit output
/// (e.g. a copy of a trained discriminator fine-tuned against samples of frozen generator snapshots as in Wang et al.
/// 2020, "CNN-generated images are surprisingly easy to spot… for now"), or softmax classification with ≥ 2 outputs
/// (the transformation classifier). Each step runs in its own dispose scope and is applied only when its loss and
/// gradients are finite. Not thread-safe.
/// </summary>
public sealed class ClassifierOptimizer : IDisposable
{
    private readonly NetworkModule _net;
    private readonly optim.Optimizer _adam;
    private readonly int _inputSize, _outputs;
    private long _steps;

    /// <summary>Creates the Adam optimiser for <paramref name="network"/>'s parameters.</summary>
    /// <param name="network">The classifier: input → one logit per sample (higher = more real) for the real-vs-fake
    /// step, or ≥ 2 logits per sample for the labelled step.</param>
    /// <param name="learningRate">Adam step size, e.g. 1e-4.</param>
    /// <param name="beta1">Adam β1, e.g. 0.5.</param>
    /// <param name="beta2">Adam β2, e.g. 0.999.</param>
    /// <exception cref="ArgumentOutOfRangeException">A hyperparameter is out of range.</exception>
    public ClassifierOptimizer(TorchNetwork network, double learningRate, double beta1, double beta2)
    {
        ArgumentNullException.ThrowIfNull(network);
        AdamSettings.Validate(learningRate, beta1, beta2);
        (_net, _inputSize, _outputs) = (network.Module, network.InputSize, network.OutputSize);
        _adam = optim.Adam(_net.parameters(), learningRate, beta1, beta2);
    }

    /// <summary>One Adam step in train mode on BCE-with-logits(net(real), realLabel) + BCE-with-logits(net(fake), 0).
    /// By default real and fake batches pass separately, as in the GAN step; with <paramref name="oneBatch"/> they pass
    /// as one concatenated batch, so that BatchNorm's batch statistics mix both, as its running statistics (used at
    /// inference) do.</summary>
    /// <param name="real">Real images float32 <c>[realBatch, input…]</c> (for DCGAN <c>[N,1,28,28]</c> in [−1,1]).</param>
    /// <param name="realBatch">Real samples, ≥ 2.</param>
    /// <param name="fake">Fake images float32 <c>[fakeBatch, input…]</c>.</param>
    /// <param name="fakeBatch">Fake samples, ≥ 2.</param>
    /// <param name="realLabel">Target for real images in (0,1]; default 1.</param>
    /// <param name="oneBatch">Pass real and fake images through the network as one batch; default false.</param>
    /// <exception cref="ArgumentException">A batch's length does not match its count, or the network has more than one output.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A batch is smaller than 2 or the label is outside (0,1].</exception>
    /// <exception cref="TrainingDivergedException">The loss or a gradient is not finite; the update was not applied.</exception>
    public ClassifierStepResult Step(ReadOnlySpan<float> real, int realBatch, ReadOnlySpan<float> fake, int fakeBatch, float realLabel = 1f, bool oneBatch = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(realBatch, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(fakeBatch, 2);
        if (!(realLabel > 0 && realLabel <= 1)) throw new ArgumentOutOfRangeException(nameof(realLabel), realLabel, "must be in (0,1]");
        if (_outputs != 1) throw new ArgumentException("a real-vs-fake step needs a network with one logit per sample");
        CheckLength(real, realBatch, nameof(real));
        CheckLength(fake, fakeBatch, nameof(fake));
        using var scope = NewDisposeScope();
        _net.train();
        _adam.zero_grad();
        Tensor realLogits, fakeLogits;
        if (oneBatch)
        {
            var logits = _net.call(cat([TorchNetwork.Batch(real, realBatch, _net.Spec.InputShape), TorchNetwork.Batch(fake, fakeBatch, _net.Spec.InputShape)], 0));
            (realLogits, fakeLogits) = (logits.narrow(0, 0, realBatch), logits.narrow(0, realBatch, fakeBatch));
        }
        else
        {
            realLogits = _net.call(TorchNetwork.Batch(real, realBatch, _net.Spec.InputShape));
            fakeLogits = _net.call(TorchNetwork.Batch(fake, fakeBatch, _net.Spec.InputShape));
        }
        var loss = binary_cross_entropy_with_logits(realLogits, full_like(realLogits, realLabel))
                   + binary_cross_entropy_with_logits(fakeLogits, zeros_like(fakeLogits));
        float value = Apply(loss, "real-vs-fake classifier");
        using var noGrad = no_grad();
        return new ClassifierStepResult(value, realLogits.sigmoid().mean().item<float>(), fakeLogits.sigmoid().mean().item<float>());
    }

    /// <summary>One Adam step in train mode on the softmax cross-entropy of the network's logits against class labels.</summary>
    /// <param name="inputs">Inputs float32 <c>[batch, input…]</c>.</param>
    /// <param name="batch">Samples, ≥ 2.</param>
    /// <param name="labels">Class of each sample, in [0, outputs).</param>
    /// <returns>Loss (mean cross-entropy, nats) and accuracy of the arg-max, both before the update.</returns>
    /// <exception cref="ArgumentException">A length does not match <paramref name="batch"/>, a label is out of range,
    /// or the network has one output.</exception>
    /// <exception cref="TrainingDivergedException">The loss or a gradient is not finite; the update was not applied.</exception>
    public (float Loss, float Accuracy) Step(ReadOnlySpan<float> inputs, int batch, ReadOnlySpan<long> labels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 2);
        if (_outputs < 2) throw new ArgumentException("a labelled step needs a network with >= 2 logits per sample");
        CheckLength(inputs, batch, nameof(inputs));
        if (labels.Length != batch) throw new ArgumentException($"{labels.Length} labels for {batch} samples", nameof(labels));
        foreach (var l in labels)
            if (l < 0 || l >= _outputs) throw new ArgumentException($"label {l} is outside [0, {_outputs})", nameof(labels));
        using var scope = NewDisposeScope();
        _net.train();
        _adam.zero_grad();
        var y = tensor(labels.ToArray());
        var logits = _net.call(TorchNetwork.Batch(inputs, batch, _net.Spec.InputShape)).reshape(batch, _outputs);
        float loss = Apply(cross_entropy(logits, y), "transformation classifier");
        using var noGrad = no_grad();
        return (loss, logits.argmax(1).eq(y).to_type(ScalarType.Float32).mean().item<float>());
    }

    private float Apply(Tensor loss, string what)
    {
        long step = ++_steps;
        loss.backward();
        float value = StepGuard.FiniteLoss(loss, step, what + " loss");
        StepGuard.FiniteGradients(_net, step, what + " gradient");
        _adam.step();
        return value;
    }

    private void CheckLength(ReadOnlySpan<float> values, int batch, string name)
    {
        if (values.Length != (long)batch * _inputSize)
            throw new ArgumentException($"batch holds {values.Length} floats, expected {batch}·{_inputSize}", name);
    }

    /// <summary>Frees the optimiser state (the network stays usable).</summary>
    public void Dispose() => _adam.Dispose();
}
