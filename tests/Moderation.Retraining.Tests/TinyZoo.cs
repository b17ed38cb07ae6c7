using Moderation.Retraining.Zoo;

namespace Moderation.Retraining.Tests;

/// <summary>The default zoo's families for one epoch with few samples: every family still trains, for tests that run
/// the whole retraining job.</summary>
internal static class TinyZoo
{
    public static ZooRecipe Recipe { get; } = ZooRecipe.Default with
    {
        TrainSamples = 128,
        TestSamples = 64,
        Families = [.. ZooRecipe.Default.Families.Select(f => f with { Epochs = 1, SnapshotEpochs = [1] })],
    };
}
