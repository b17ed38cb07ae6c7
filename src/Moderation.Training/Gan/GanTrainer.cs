using Moderation.Core.Networks;
using Moderation.Training.Pipelines;
using Moderation.Training.Torch;

namespace Moderation.Training.Gan;

/// <summary>
/// Trains a DCGAN (Radford, Metz &amp; Chintala 2016) on normal images: weights ~ N(0,0.02), z ∈ R^latent ~ N(0,1),
/// Adam (lr, β1, β2 from the hyperparameters; DCGAN: 2e-4, 0.5, 0.999), BCE-with-logits, non-saturating generator loss,
/// each epoch a fresh shuffle from one seeded <see cref="Random"/>, the last partial batch dropped.
/// Reproducible: with the same hyperparameters, images and thread count, two runs give the same networks. Seeds:
/// G's weights <c>seed</c>, D's weights <c>seed+1</c>, the latent noise <c>seed+2</c>, shuffling <c>Random(seed)</c>.
/// </summary>
public sealed class GanTrainer
{
    private readonly TrainingHyperparameters _h;
    private readonly TimeProvider _time;

    /// <summary>Creates a trainer.</summary>
    /// <param name="hyperparameters">The pipeline's hyperparameters (calibration fields are not used here).</param>
    /// <param name="timeProvider">Clock for images/s; <see cref="TimeProvider.System"/> by default.</param>
    /// <exception cref="ArgumentException">A hyperparameter is out of range (the message names it).</exception>
    public GanTrainer(TrainingHyperparameters hyperparameters, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(hyperparameters);
        var errors = PipelineValidator.ValidateHyperparameters(hyperparameters);
        if (errors.Count > 0) throw new ArgumentException(string.Join("; ", errors), nameof(hyperparameters));
        _h = hyperparameters;
        _time = timeProvider ?? TimeProvider.System;
        GeneratorSpec = DcganSpecs.Generator(hyperparameters.LatentSize);
        DiscriminatorSpec = DcganSpecs.Discriminator();
    }

    /// <summary>Generator architecture; default <see cref="DcganSpecs.Generator"/> with the latent size.</summary>
    public NetworkSpec GeneratorSpec { get; init; }

    /// <summary>Discriminator architecture; default <see cref="DcganSpecs.Discriminator"/>.</summary>
    public NetworkSpec DiscriminatorSpec { get; init; }

    /// <summary>Adversarial loss; default <see cref="GanLoss.NonSaturating"/> (the DCGAN paper's).</summary>
    public GanLoss Loss { get; init; } = GanLoss.NonSaturating;

    /// <summary>Steps between progress reports (a report also ends every epoch); default 20.</summary>
    public int ProgressInterval { get; init; } = 20;

    /// <summary>Called on the training thread after every epoch with the 1-based epoch, G and D (e.g. to copy a
    /// generator snapshot with <see cref="TorchNetwork.Copy"/>); the networks must not be disposed or trained by the
    /// callback. Default null.</summary>
    public Action<int, TorchNetwork, TorchNetwork>? EpochCompleted { get; init; }

    /// <summary>Trains a fresh G and D on <paramref name="images"/>.</summary>
    /// <param name="images">Normal images float32 <c>[count,1,28,28]</c> in [−1,1] (the discriminator's input shape).</param>
    /// <param name="count">Images in <paramref name="images"/>, at least one batch.</param>
    /// <param name="progress">Receives a <see cref="TrainingProgress"/> every <see cref="ProgressInterval"/> steps
    /// and at the end of each epoch.</param>
    /// <param name="cancellationToken">Checked before every step.</param>
    /// <returns>The trained networks (the caller owns them) and per-epoch figures.</returns>
    /// <exception cref="ArgumentException">Wrong image length or fewer images than one batch.</exception>
    /// <exception cref="TrainingDivergedException">A loss or gradient became NaN or infinite; the message names the
    /// epoch, the step and the tensor.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing is returned.</exception>
    public GanTrainingResult Train(float[] images, int count, IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfLessThan(ProgressInterval, 1, nameof(ProgressInterval));
        int batch = _h.BatchSize;
        if (count < batch) throw new ArgumentException($"{count} images are fewer than one batch of {batch}", nameof(count));
        TorchNetwork? generator = null, discriminator = null;
        try
        {
            generator = TorchNetwork.Create(GeneratorSpec, _h.Seed);
            discriminator = TorchNetwork.Create(DiscriminatorSpec, _h.Seed + 1);
            if (images.Length != (long)count * discriminator.InputSize)
                throw new ArgumentException($"images hold {images.Length} floats, expected {count}·{discriminator.InputSize}", nameof(images));
            var (summaries, steps, rate) = Run(generator, discriminator, images, count, progress, cancellationToken);
            return new GanTrainingResult(generator, discriminator, summaries, steps, rate);
        }
        catch
        {
            generator?.Dispose();
            discriminator?.Dispose();
            throw;
        }
    }

    private (List<TrainingProgress>, long, double) Run(TorchNetwork generator, TorchNetwork discriminator, float[] images,
        int count, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        int batch = _h.BatchSize, imageSize = discriminator.InputSize, stepsPerEpoch = count / batch;
        using var optimizer = new GanOptimizer(generator, discriminator, _h.LearningRate, _h.Beta1, _h.Beta2, _h.Seed + 2, Loss);
        var random = new Random(NormalImagesLoader.SeedOf(_h.Seed));
        var order = Enumerable.Range(0, count).ToArray();
        var real = new float[batch * imageSize];
        var summaries = new List<TrainingProgress>(_h.Epochs);
        long steps = 0, runStart = _time.GetTimestamp();
        for (int epoch = 1; epoch <= _h.Epochs; epoch++)
        {
            random.Shuffle(order);
            var interval = new StepAverage(_time);
            var whole = new StepAverage(_time);
            for (int step = 1; step <= stepsPerEpoch; step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (int i = 0; i < batch; i++)
                    images.AsSpan(order[(step - 1) * batch + i] * imageSize, imageSize).CopyTo(real.AsSpan(i * imageSize, imageSize));
                GanStepResult result;
                try
                {
                    result = optimizer.Step(real, batch, (float)_h.RealLabel);
                }
                catch (TrainingDivergedException e)
                {
                    throw new TrainingDivergedException(e.Step, e.What, $"epoch {epoch} step {step}: {e.Detail}", e);
                }
                steps++;
                interval.Add(result, batch);
                whole.Add(result, batch);
                if (step % ProgressInterval == 0 || step == stepsPerEpoch)
                {
                    progress?.Report(interval.ToProgress(epoch, _h.Epochs, step, stepsPerEpoch));
                    interval = new StepAverage(_time);
                }
            }
            summaries.Add(whole.ToProgress(epoch, _h.Epochs, stepsPerEpoch, stepsPerEpoch));
            EpochCompleted?.Invoke(epoch, generator, discriminator);
        }
        double seconds = _time.GetElapsedTime(runStart).TotalSeconds;
        return (summaries, steps, seconds > 0 ? steps * batch / seconds : 0);
    }
}
