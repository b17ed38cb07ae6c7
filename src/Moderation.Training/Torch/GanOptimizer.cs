using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace Moderation.Training.Torch;

/// <summary>
/// The optimisation state of a GAN: a generator G, a discriminator D and one <c>optim.Adam</c> each (Kingma &amp; Ba
/// 2015). Each <see cref="Step"/> is one DCGAN iteration (Radford et al. 2016): a D step on a real batch and G(z) fakes,
/// then a G step with the non-saturating loss (Goodfellow et al. 2014), each in its own dispose scope and each applied
/// only when its loss and gradients are finite (<see cref="TrainingDivergedException"/> otherwise). Not thread-safe.
/// </summary>
public sealed class GanOptimizer : IDisposable
{
    private readonly NetworkModule _g, _d;
    private readonly optim.Optimizer _gAdam, _dAdam;
    private readonly Generator _noise;
    private readonly int _imageSize;
    private readonly GanLoss _loss;
    private long _steps;
    private bool _disposed;

    /// <summary>Creates Adam optimisers for both networks; z ~ N(0,1) comes from a CPU generator seeded with
    /// <paramref name="seed"/>.</summary>
    /// <param name="generator">G: z <c>[N,latent]</c> → images.</param>
    /// <param name="discriminator">D: images → one logit per sample.</param>
    /// <param name="learningRate">Adam step size; DCGAN uses 2e-4.</param>
    /// <param name="beta1">Adam β1; DCGAN uses 0.5.</param>
    /// <param name="beta2">Adam β2; DCGAN uses 0.999.</param>
    /// <param name="seed">Seed of the latent noise.</param>
    /// <param name="loss">Adversarial loss; default <see cref="GanLoss.NonSaturating"/> (the DCGAN paper's).</param>
    /// <exception cref="ArgumentException">G's output does not fit D's input, D does not output one logit, or a
    /// hyperparameter is out of range.</exception>
    public GanOptimizer(TorchNetwork generator, TorchNetwork discriminator, double learningRate, double beta1, double beta2, long seed,
        GanLoss loss = GanLoss.NonSaturating)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(discriminator);
        AdamSettings.Validate(learningRate, beta1, beta2);
        if (generator.OutputSize != discriminator.InputSize)
            throw new ArgumentException($"the generator produces {generator.OutputSize} values per sample, the discriminator takes {discriminator.InputSize}", nameof(generator));
        if (discriminator.OutputSize != 1) throw new ArgumentException("the discriminator must output one logit per sample", nameof(discriminator));
        (_g, _d, _imageSize) = (generator.Module, discriminator.Module, discriminator.InputSize);
        _gAdam = optim.Adam(_g.parameters(), learningRate, beta1, beta2);
        _dAdam = optim.Adam(_d.parameters(), learningRate, beta1, beta2);
        _noise = new Generator(unchecked((ulong)seed));
        _loss = loss;
    }

    /// <summary>One D step and one G step on <paramref name="batch"/> real images.</summary>
    /// <param name="real">Real images float32 <c>[batch,1,28,28]</c> in [−1,1] (D's input shape).</param>
    /// <param name="batch">Samples ≥ 2 (BatchNorm needs more than one).</param>
    /// <param name="realLabel">Target for real images in (0,1]: 1.0, or e.g. 0.9 for one-sided label smoothing
    /// (Salimans et al. 2016).</param>
    /// <exception cref="ArgumentException">Wrong length of <paramref name="real"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batch"/> &lt; 2 or <paramref name="realLabel"/>
    /// outside (0,1].</exception>
    /// <exception cref="TrainingDivergedException">A loss or gradient is NaN or infinite; that update was not applied.</exception>
    public GanStepResult Step(ReadOnlySpan<float> real, int batch, float realLabel = 1f)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 2);
        if (!(realLabel > 0 && realLabel <= 1)) throw new ArgumentOutOfRangeException(nameof(realLabel), realLabel, "must be in (0,1]");
        if (real.Length != (long)batch * _imageSize)
            throw new ArgumentException($"real batch holds {real.Length} floats, expected {batch}·{_imageSize}", nameof(real));
        long step = ++_steps;
        using var scope = NewDisposeScope();
        _g.train();
        _d.train();
        var x = TorchNetwork.Batch(real, batch, _d.Spec.InputShape);
        var z = randn([batch, .. _g.Spec.InputShape.Select(d => (long)d)], generator: _noise);

        // D: for the non-saturating loss, maximise log D(x) + log(1 − D(G(z))), i.e. minimise BCE with targets real label and 0.
        _dAdam.zero_grad();
        var realLogits = _d.call(x);
        var fake = _g.call(z);
        var fakeLogits = _d.call(fake.detach());
        var dLoss = DiscriminatorLoss(realLogits, fakeLogits, realLabel);
        dLoss.backward();
        float d = StepGuard.FiniteLoss(dLoss, step, "discriminator loss");
        StepGuard.FiniteGradients(_d, step, "discriminator gradient");
        _dAdam.step();

        // G (non-saturating: maximise log D(G(z)), i.e. minimise BCE with target 1); D's weights get no gradient.
        _gAdam.zero_grad();
        foreach (var p in _d.parameters()) p.requires_grad = false;
        Tensor gLoss;
        try
        {
            var logits = _d.call(fake);
            gLoss = GeneratorLoss(logits);
            gLoss.backward();
        }
        finally
        {
            foreach (var p in _d.parameters()) p.requires_grad = true;
        }
        float g = StepGuard.FiniteLoss(gLoss, step, "generator loss");
        StepGuard.FiniteGradients(_g, step, "generator gradient");
        _gAdam.step();

        using var noGrad = no_grad();
        return new GanStepResult(d, g, realLogits.sigmoid().mean().item<float>(), fakeLogits.sigmoid().mean().item<float>());
    }

    /// <summary>D's loss on real and fake logits (<see cref="GanLoss"/>).</summary>
    private Tensor DiscriminatorLoss(Tensor real, Tensor fake, float realLabel) => _loss switch
    {
        GanLoss.Hinge => relu(1 - real).mean() + relu(1 + fake).mean(),
        GanLoss.LeastSquares => 0.5 * (real - realLabel).square().mean() + 0.5 * fake.square().mean(),
        _ => binary_cross_entropy_with_logits(real, full_like(real, realLabel)) + binary_cross_entropy_with_logits(fake, zeros_like(fake)),
    };

    /// <summary>G's loss on D's logits of its samples (<see cref="GanLoss"/>).</summary>
    private Tensor GeneratorLoss(Tensor fake) => _loss switch
    {
        GanLoss.Hinge => -fake.mean(),
        GanLoss.LeastSquares => 0.5 * (fake - 1).square().mean(),
        _ => binary_cross_entropy_with_logits(fake, ones_like(fake)),
    };

    /// <summary>Frees the optimiser state (the networks stay usable).</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _gAdam.Dispose();
        _dAdam.Dispose();
        _noise.Dispose();
    }
}
