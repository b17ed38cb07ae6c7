using Microsoft.Extensions.Logging;
using Moderation.Core.Networks;
using Moderation.Training.Gan;
using Moderation.Training.Pipelines;
using Moderation.Training.Torch;
using Moderation.Training.Vae;

namespace Moderation.Retraining.Zoo;

/// <summary>Trains the zoo's families on the normal images and draws their samples (train and test seeds disjoint),
/// one family at a time so that at most one family's networks are alive.</summary>
internal sealed partial class ZooTrainer(ILogger logger, TimeProvider time)
{
    /// <summary>Seed offset of the training samples (test samples use <see cref="TestSeedOffset"/>).</summary>
    internal const long TrainSeedOffset = 2_000_000;

    /// <summary>Seed offset of the test samples.</summary>
    internal const long TestSeedOffset = 3_000_000;

    /// <summary>The DCGAN family from the pipeline GAN's snapshots, then every family of <paramref name="recipe"/>.</summary>
    public IReadOnlyList<FamilySamples> Train(TrainingHyperparameters h, float[] images, int count, ZooRecipe recipe,
        IReadOnlyList<TorchNetwork> dcganSnapshots, string dcganDescription, CancellationToken cancellationToken)
    {
        var result = new List<FamilySamples> { Draw(ZooRecipe.DcganFamily, dcganDescription, dcganSnapshots, recipe, h.Seed, 0) };
        foreach (var family in recipe.Families)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long start = time.GetTimestamp();
            var snapshots = new List<TorchNetwork>();
            try
            {
                long seed = h.Seed + family.SeedOffset;
                if (family.Loss is { } loss)
                {
                    var trainer = new GanTrainer(h with { Epochs = family.Epochs, LatentSize = family.Latent, RealLabel = family.RealLabel, Seed = seed }, time)
                    {
                        GeneratorSpec = family.GeneratorSpec(),
                        DiscriminatorSpec = DcganSpecs.Discriminator(64),
                        Loss = loss,
                        EpochCompleted = (epoch, g, _) => { if (family.SnapshotEpochs.Contains(epoch)) snapshots.Add(g.Copy()); },
                    };
                    using var trained = trainer.Train(images, count, null, cancellationToken);
                }
                else
                {
                    var vae = new VaeTrainer
                    {
                        EncoderSpec = ZooSpecs.VaeEncoder(family.Latent, family.Width), DecoderSpec = family.GeneratorSpec(),
                        Epochs = family.Epochs, BatchSize = h.BatchSize, Seed = seed,
                    };
                    snapshots.Add(vae.Train(images, count, cancellationToken).Decoder);
                }
                var samples = Draw(family.Name, family.Describe(), snapshots, recipe, seed, time.GetElapsedTime(start).TotalSeconds);
                LogFamily(family.Name, snapshots.Count, samples.Seconds);
                result.Add(samples);
            }
            finally
            {
                foreach (var s in snapshots) s.Dispose();
            }
        }
        return result;
    }

    /// <summary>Train and test samples spread equally over the snapshots, quantised to 8 bits.</summary>
    internal static FamilySamples Draw(string name, string description, IReadOnlyList<TorchNetwork> snapshots, ZooRecipe recipe, long seed, double seconds)
    {
        if (snapshots.Count == 0) throw new ArgumentException($"family {name} has no snapshots", nameof(snapshots));
        return new FamilySamples(name, description,
            Spread(snapshots, recipe.TrainSamples, seed + TrainSeedOffset), recipe.TrainSamples,
            Spread(snapshots, recipe.TestSamples, seed + TestSeedOffset), recipe.TestSamples, seconds);
    }

    private static float[] Spread(IReadOnlyList<TorchNetwork> snapshots, int count, long seed)
    {
        var result = new float[count * 784];
        int done = 0;
        for (int s = 0; s < snapshots.Count; s++)
        {
            int n = (count - done) / (snapshots.Count - s);
            if (n == 0) continue;
            var (images, _) = snapshots[s].Sample(n, seed + s);
            images.CopyTo(result.AsSpan(done * 784));
            done += n;
        }
        Quantise(result);
        return result;
    }

    /// <summary>Rounds [−1,1] values to the 256 levels of an 8-bit image, as a posted image would carry them.</summary>
    internal static void Quantise(Span<float> values)
    {
        for (int i = 0; i < values.Length; i++)
            values[i] = MathF.Round(Math.Clamp((values[i] + 1) * 127.5f, 0, 255)) / 127.5f - 1;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "zoo family {Family}: {Snapshots} snapshots in {Seconds:F0} s")]
    private partial void LogFamily(string family, int snapshots, double seconds);
}
