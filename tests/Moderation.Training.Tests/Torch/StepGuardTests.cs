using Moderation.Training.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Moderation.Training.Tests.Torch;

/// <summary>The gradient half of the step guard: a finite loss whose backward pass leaves a NaN or an infinity in one
/// parameter's gradient (what ../shared/README.md saw from some convolutions) stops the step and names that parameter.</summary>
public sealed class StepGuardTests
{
    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void AFiniteLossWithANonFiniteGradientStopsTheStepNamingTheParameter(float bad)
    {
        using var scope = NewDisposeScope();
        using var net = nn.Sequential(("first", nn.Linear(4, 3)), ("second", nn.Linear(3, 1)));
        var loss = net.call(ones(2, 4)).sum();
        loss.backward();
        Assert.True(float.IsFinite(StepGuard.FiniteLoss(loss, 7, "generator loss")));
        StepGuard.FiniteGradients(net, 7, "generator gradient"); // all finite: no throw

        using (no_grad())
        {
            var grad = net.named_parameters().Single(p => p.name == "second.weight").parameter.grad!;
            grad[0, 1] = tensor(bad);
        }
        var e = Assert.Throws<TrainingDivergedException>(() => StepGuard.FiniteGradients(net, 7, "generator gradient"));
        Assert.Equal(7, e.Step);
        Assert.Equal("generator gradient", e.What);
        Assert.Equal("non-finite values in second.weight", e.Detail);
    }
}
