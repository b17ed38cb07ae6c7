using TorchSharp;
using static TorchSharp.torch;

namespace Moderation.Training.Torch;

public sealed partial class TorchNetwork
{
    /// <summary>
    /// Forward pass without autograd. For the DCGAN discriminator: input float32 <c>[N,1,28,28]</c> in [−1,1] →
    /// output logits <c>[N,1]</c>, and with <c>tapLayer = Spec.FeatureLayer</c> (5) the features <c>[N,6272]</c>.
    /// </summary>
    /// <param name="input">Row-major <c>[batch, InputShape…]</c>, length batch·<see cref="InputSize"/>.</param>
    /// <param name="batch">Samples N ≥ 1 (≥ 2 when <paramref name="train"/> and the network has BatchNorm).</param>
    /// <param name="train">True: BatchNorm uses batch statistics and updates its running buffers; false (eval):
    /// running statistics, deterministic.</param>
    /// <param name="tapLayer">Index of a layer whose output is also returned, or −1 for none.</param>
    /// <returns>Output <c>[N, OutputShape…]</c> and the tapped layer's output <c>[N, shape of that layer…]</c>
    /// (null when <paramref name="tapLayer"/> is −1).</returns>
    /// <exception cref="ArgumentException">Wrong input length, batch or tap index.</exception>
    public (float[] Output, float[]? Tap) Forward(ReadOnlySpan<float> input, int batch, bool train = false, int tapLayer = -1)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        if (input.Length != (long)batch * InputSize)
            throw new ArgumentException($"input holds {input.Length} floats, expected {batch}·{InputSize}", nameof(input));
        if (tapLayer < -1 || tapLayer >= _layerSizes.Length)
            throw new ArgumentOutOfRangeException(nameof(tapLayer), tapLayer, $"a layer index in [0,{_layerSizes.Length}) or -1");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Module.train(train);
        var output = Module.Forward(Batch(input, batch, Spec.InputShape), tapLayer, out var tapped);
        return (Floats(output), tapLayer < 0 ? null : Floats(tapped));
    }

    /// <summary>
    /// Generates samples in eval mode: z ~ N(0,1) float32 <c>[count, InputShape…]</c> (for the DCGAN generator
    /// <c>[count,100]</c>) from a CPU generator seeded with <paramref name="seed"/>, then images = G(z)
    /// (<c>[count,1,28,28]</c> in (−1,1)).
    /// </summary>
    /// <param name="count">Samples ≥ 1.</param>
    /// <param name="seed">Seed of the noise; equal seeds give equal z.</param>
    /// <param name="returnLatent">Also return z.</param>
    /// <returns>The outputs and, when asked, the latent vectors used.</returns>
    public (float[] Images, float[]? Latent) Sample(int count, long seed, bool returnLatent = false)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Module.eval();
        var z = randn([count, .. Spec.InputShape.Select(d => (long)d)], generator: new Generator(unchecked((ulong)seed)));
        return (Floats(Module.call(z)), returnLatent ? Floats(z) : null);
    }

    /// <summary>A float32 tensor <c>[batch, shape…]</c> holding a copy of <paramref name="values"/>.</summary>
    internal static Tensor Batch(ReadOnlySpan<float> values, int batch, IReadOnlyList<int> shape) =>
        tensor(values.ToArray(), [batch, .. shape.Select(d => (long)d)]);

    /// <summary>The values of a tensor, row-major.</summary>
    internal static float[] Floats(Tensor t) => t.contiguous().data<float>().ToArray();
}
