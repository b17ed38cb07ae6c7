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
    /// <exception cref="TorchException">libtorch failed.</exception>
    public (float[] Output, float[]? Tap) Forward(float[] input, int batch, bool train = false, int tapLayer = -1)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Forward(input.AsSpan(), batch, train, tapLayer);
    }

    /// <inheritdoc cref="Forward(float[], int, bool, int)"/>
    public unsafe (float[] Output, float[]? Tap) Forward(ReadOnlySpan<float> input, int batch, bool train = false, int tapLayer = -1)
    {
        ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        if (input.Length != (long)batch * InputSize)
            throw new ArgumentException($"input holds {input.Length} floats, expected {batch}·{InputSize}", nameof(input));
        if (tapLayer < -1 || tapLayer >= _layerSizes.Length)
            throw new ArgumentOutOfRangeException(nameof(tapLayer), tapLayer, $"a layer index in [0,{_layerSizes.Length}) or -1");
        var output = new float[(long)batch * OutputSize];
        var tap = tapLayer < 0 ? null : new float[(long)batch * _layerSizes[tapLayer]];
        fixed (float* pInput = input)
        fixed (float* pOutput = output)
        fixed (float* pTap = tap)
        {
            NativeMethods.VerifySuccess(NativeMethods.ModuleForward(Handle, pInput, batch, train ? 1 : 0,
                pOutput, output.Length, tapLayer, pTap, tap?.Length ?? 0));
        }
        return (output, tap);
    }

    /// <summary>
    /// Generates samples in eval mode: z ~ N(0,1) float32 <c>[count, InputShape…]</c> (for the DCGAN generator
    /// <c>[count,100]</c>) from a libtorch generator seeded with <paramref name="seed"/>, then images = G(z)
    /// (<c>[count,1,28,28]</c> in (−1,1)).
    /// </summary>
    /// <param name="count">Samples ≥ 1.</param>
    /// <param name="seed">Seed of the noise; equal seeds give equal z.</param>
    /// <param name="returnLatent">Also return z.</param>
    /// <returns>The outputs and, when asked, the latent vectors used.</returns>
    /// <exception cref="TorchException">libtorch failed.</exception>
    public unsafe (float[] Images, float[]? Latent) Sample(int count, long seed, bool returnLatent = false)
    {
        ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var images = new float[(long)count * OutputSize];
        var latent = returnLatent ? new float[(long)count * InputSize] : null;
        fixed (float* pImages = images)
        fixed (float* pLatent = latent)
        {
            NativeMethods.VerifySuccess(NativeMethods.ModuleSample(Handle, count, unchecked((ulong)seed),
                pImages, images.Length, pLatent, latent?.Length ?? 0));
        }
        return (images, latent);
    }
}
