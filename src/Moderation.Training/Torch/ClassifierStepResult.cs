namespace Moderation.Training.Torch;

/// <summary>Figures of one real-vs-fake classifier step.</summary>
/// <param name="Loss">BCE(net(real), real label) + BCE(net(fake), 0) before the update (nats).</param>
/// <param name="RealProbability">Mean σ(logit) on the real batch, in (0,1).</param>
/// <param name="FakeProbability">Mean σ(logit) on the fake batch, in (0,1).</param>
public readonly record struct ClassifierStepResult(float Loss, float RealProbability, float FakeProbability);
