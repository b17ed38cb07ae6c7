using Moderation.Core.Networks;
using Moderation.Training.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Moderation.Training.Vae;

/// <summary>
/// Trains a variational auto-encoder (Kingma &amp; Welling 2014, "Auto-Encoding Variational Bayes") on normal images:
/// encoder → (μ, log σ²), z = μ + σ·ε (the reparameterisation trick), decoder → x̂; loss per image = ‖x̂ − x‖² / (2·s²)
/// + KL(N(μ,σ²) ‖ N(0,I)) = ‖x̂ − x‖² / (2·s²) − ½ Σ (1 + log σ² − μ² − σ²), with a fixed Gaussian likelihood scale s
/// (<see cref="LikelihoodScale"/>). Adam; DCGAN initialisation from <c>seed</c> (encoder) and <c>seed+1</c> (decoder);
/// ε from a generator seeded with <c>seed+2</c>; shuffling <c>Random(seed)</c>; each step guarded (finite loss and
/// gradients). Sampling the decoder at z ~ N(0,1) (<see cref="TorchNetwork.Sample"/>) makes a generator that is not a GAN.
/// </summary>
public sealed class VaeTrainer
{
    /// <summary>Encoder spec: image → <c>[2·latent]</c> (μ then log σ²); default <see cref="ZooSpecs.VaeEncoder"/>(16, 32).</summary>
    public NetworkSpec EncoderSpec { get; init; } = ZooSpecs.VaeEncoder(16, 32);

    /// <summary>Decoder spec: z <c>[latent]</c> → image; default <see cref="ZooSpecs.VaeDecoder"/>(16, 32).</summary>
    public NetworkSpec DecoderSpec { get; init; } = ZooSpecs.VaeDecoder(16, 32);

    /// <summary>s, the likelihood's standard deviation in [−1,1] pixel units; default 0.2.</summary>
    public double LikelihoodScale { get; init; } = 0.2;

    /// <summary>Epochs; default 5.</summary>
    public int Epochs { get; init; } = 5;

    /// <summary>Images per step; default 64.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Adam step size; default 1e-3.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Seed of the weights, ε and the shuffling; default 0.</summary>
    public long Seed { get; init; }

    /// <summary>Trains and returns the decoder (the caller owns it) and the mean loss of the last epoch (nats per image).</summary>
    /// <param name="images">Normal images float32 <c>[count,1,28,28]</c> in [−1,1].</param>
    /// <param name="count">Images, at least one batch.</param>
    /// <param name="cancellationToken">Checked before every step.</param>
    /// <exception cref="ArgumentException">The specs do not fit (decoder output ≠ encoder input, encoder output ≠
    /// 2·latent), wrong image length or fewer images than one batch.</exception>
    /// <exception cref="TrainingDivergedException">A loss or gradient became NaN or infinite.</exception>
    public (TorchNetwork Decoder, double FinalLoss) Train(float[] images, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        int latent = DecoderSpec.InputShape.Single();
        if (EncoderSpec.OutputShape is not [var e] || e != 2 * latent)
            throw new ArgumentException($"the encoder must output [2·{latent}]", nameof(images));
        if (!DecoderSpec.OutputShape.SequenceEqual(EncoderSpec.InputShape))
            throw new ArgumentException("the decoder must output the encoder's input shape", nameof(images));
        if (count < BatchSize) throw new ArgumentException($"{count} images are fewer than one batch of {BatchSize}", nameof(count));
        using var encoder = TorchNetwork.Create(EncoderSpec, Seed);
        var decoder = TorchNetwork.Create(DecoderSpec, Seed + 1);
        try
        {
            if (images.Length != (long)count * encoder.InputSize)
                throw new ArgumentException($"images hold {images.Length} floats, expected {count}·{encoder.InputSize}", nameof(images));
            double loss = Run(encoder.Module, decoder.Module, images, count, latent, cancellationToken);
            return (decoder, loss);
        }
        catch
        {
            decoder.Dispose();
            throw;
        }
    }

    private double Run(NetworkModule encoder, NetworkModule decoder, float[] images, int count, int latent, CancellationToken cancellationToken)
    {
        using var adam = optim.Adam(encoder.parameters().Concat(decoder.parameters()), LearningRate);
        using var noise = new Generator(unchecked((ulong)(Seed + 2)));
        var random = new Random(unchecked((int)Seed));
        var order = Enumerable.Range(0, count).ToArray();
        int size = images.Length / count, steps = count / BatchSize;
        var batch = new float[BatchSize * size];
        double inverseTwoVariance = 1 / (2 * LikelihoodScale * LikelihoodScale), epochLoss = 0;
        long step = 0;
        for (int epoch = 1; epoch <= Epochs; epoch++)
        {
            random.Shuffle(order);
            epochLoss = 0;
            for (int s = 0; s < steps; s++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (int i = 0; i < BatchSize; i++) images.AsSpan(order[s * BatchSize + i] * size, size).CopyTo(batch.AsSpan(i * size, size));
                using var scope = NewDisposeScope();
                encoder.train();
                decoder.train();
                adam.zero_grad();
                var x = TorchNetwork.Batch(batch, BatchSize, EncoderSpec.InputShape);
                var stats = encoder.call(x);
                var mu = stats.narrow(1, 0, latent);
                var logVariance = stats.narrow(1, latent, latent);
                var z = mu + (0.5 * logVariance).exp() * randn([BatchSize, latent], generator: noise);
                var reconstruction = decoder.call(z);
                var error = (reconstruction - x).square().reshape(BatchSize, -1).sum(1) * inverseTwoVariance;
                var kl = -0.5 * (1 + logVariance - mu.square() - logVariance.exp()).sum(1);
                var loss = (error + kl).mean();
                loss.backward();
                step++;
                epochLoss += StepGuard.FiniteLoss(loss, step, "VAE loss");
                StepGuard.FiniteGradients(encoder, step, "VAE encoder gradient");
                StepGuard.FiniteGradients(decoder, step, "VAE decoder gradient");
                adam.step();
            }
        }
        return epochLoss / steps;
    }
}
