namespace Moderation.Retraining.Promotion;

/// <summary>One condition of the promotion gate.</summary>
/// <param name="Name">What is checked, e.g. <c>AUROC abnormal</c>.</param>
/// <param name="Passed">Whether the challenger meets it.</param>
/// <param name="Detail">The figures and the rule, e.g. <c>0.9612 − 0.9550 = +0.0062 ≥ 0</c>.</param>
public sealed record GateCheck(string Name, bool Passed, string Detail);
