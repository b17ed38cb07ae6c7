namespace Moderation.Training.Torch;

/// <summary>
/// The optimisation state of a GAN: a generator G, a discriminator D and one Adam optimiser each (Kingma &amp; Ba
/// 2015). Each <see cref="Step"/> is one DCGAN iteration (Radford et al. 2016): a D step on a real batch and G(z) fakes,
/// then a G step with the non-saturating loss (Goodfellow et al. 2014). The native state keeps its own references to
/// both networks. Not thread-safe.
/// </summary>
public sealed class GanOptimizer : IDisposable
{
    private readonly TorchGanHandle _handle;
    private readonly int _imageSize;

    /// <summary>Creates Adam optimisers for both networks; z ~ N(0,1) comes from a libtorch generator seeded with
    /// <paramref name="seed"/>.</summary>
    /// <param name="generator">G: z <c>[N,latent]</c> → images.</param>
    /// <param name="discriminator">D: images → one logit per sample.</param>
    /// <param name="learningRate">Adam step size; DCGAN uses 2e-4.</param>
    /// <param name="beta1">Adam β1; DCGAN uses 0.5.</param>
    /// <param name="beta2">Adam β2; DCGAN uses 0.999.</param>
    /// <param name="seed">Seed of the latent noise.</param>
    /// <exception cref="TorchException">G's output does not fit D's input, D does not output one logit, or a
    /// hyperparameter is out of range.</exception>
    public GanOptimizer(TorchNetwork generator, TorchNetwork discriminator, double learningRate, double beta1, double beta2, long seed)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(discriminator);
        NativeMethods.VerifySuccess(NativeMethods.GanCreate(generator.Handle, discriminator.Handle, learningRate, beta1, beta2,
            unchecked((ulong)seed), out _handle));
        _imageSize = discriminator.InputSize;
    }

    /// <summary>One D step and one G step on <paramref name="batch"/> real images.</summary>
    /// <param name="real">Real images float32 <c>[batch,1,28,28]</c> in [−1,1] (D's input shape).</param>
    /// <param name="batch">Samples ≥ 2 (BatchNorm needs more than one).</param>
    /// <param name="realLabel">Target for real images: 1.0, or e.g. 0.9 for one-sided label smoothing
    /// (Salimans et al. 2016).</param>
    /// <exception cref="ArgumentException">Wrong length of <paramref name="real"/>.</exception>
    /// <exception cref="TorchException">libtorch failed, or <paramref name="realLabel"/> is outside (0,1].</exception>
    public unsafe GanStepResult Step(ReadOnlySpan<float> real, int batch, float realLabel = 1f)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 2);
        if (real.Length != (long)batch * _imageSize)
            throw new ArgumentException($"real batch holds {real.Length} floats, expected {batch}·{_imageSize}", nameof(real));
        Span<float> stats = stackalloc float[4];
        fixed (float* pReal = real)
        fixed (float* pStats = stats)
        {
            NativeMethods.VerifySuccess(NativeMethods.GanStep(_handle, pReal, batch, realLabel, pStats, stats.Length));
        }
        return new GanStepResult(stats[0], stats[1], stats[2], stats[3]);
    }

    /// <summary>Frees the optimiser state (the networks stay usable).</summary>
    public void Dispose() => _handle.Dispose();
}
