using TorchSharp;
using static TorchSharp.torch;

namespace Moderation.Training.Torch;

/// <summary>Checks, before an optimiser step is applied, that the loss and every parameter gradient are finite
/// (TorchSharp 0.107 on the reference machine was seen to return NaN input gradients from some stride-1 padded
/// convolutions: ../shared/README.md); throws <see cref="TrainingDivergedException"/> naming the step otherwise.</summary>
internal static class StepGuard
{
    /// <summary>Throws unless <paramref name="loss"/> is finite.</summary>
    public static float FiniteLoss(Tensor loss, long step, string what)
    {
        float value = loss.item<float>();
        if (!float.IsFinite(value)) throw new TrainingDivergedException(step, what, $"value {value}");
        return value;
    }

    /// <summary>Throws unless every gradient of <paramref name="module"/>'s parameters is finite (one reduction: the sum
    /// of all absolute gradient values is finite exactly when each value is, short of overflow, which also diverges).</summary>
    public static void FiniteGradients(nn.Module module, long step, string what)
    {
        using var scope = NewDisposeScope();
        Tensor? total = null;
        foreach (var p in module.parameters())
        {
            if (p.grad is not { } g) continue;
            var sum = g.abs().sum();
            total = total is null ? sum : total + sum;
        }
        if (total is null || float.IsFinite(total.item<float>())) return;
        var bad = module.named_parameters().Where(p => p.parameter.grad is { } g && !g.isfinite().all().item<bool>()).Select(p => p.name);
        throw new TrainingDivergedException(step, what, $"non-finite values in {string.Join(", ", bad)}");
    }
}
