using Moderation.Core.Networks;
using Moderation.Training.Torch;

namespace Moderation.Training.Tests.Gan;

public sealed class GanOptimizerGuardTests
{
    [Fact]
    public void ANonFiniteLossStopsTrainingNamingTheStepAndLeavesTheWeightsAsBeforeIt()
    {
        using var g = TorchNetwork.Create(DcganSpecs.Generator(width: 32), 1);
        using var d = TorchNetwork.Create(DcganSpecs.Discriminator(width: 16), 2);
        using var optimizer = new GanOptimizer(g, d, 2e-4, 0.5, 0.999, 3);
        var real = TestData.Trousers(8);
        optimizer.Step(real, 8);
        var (dBefore, gBefore) = (d.Parameters(), g.Parameters());

        real[100] = float.NaN;
        var e = Assert.Throws<TrainingDivergedException>(() => optimizer.Step(real, 8));
        Assert.Equal(2, e.Step);
        Assert.Equal("discriminator loss", e.What);
        Assert.StartsWith("training diverged at step 2: discriminator loss is not finite", e.Message);
        // weights and biases as before the step; BatchNorm's running statistics saw the failed batch's forward pass
        Assert.All(dBefore.Zip(d.Parameters()).Where(p => !p.First.Name.Contains("running", StringComparison.Ordinal)),
            p => Assert.Equal(p.First.Data, p.Second.Data));
        Assert.All(gBefore.Zip(g.Parameters()).Where(p => !p.First.Name.Contains("running", StringComparison.Ordinal)),
            p => Assert.Equal(p.First.Data, p.Second.Data));
    }
}
