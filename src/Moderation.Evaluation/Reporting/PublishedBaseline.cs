namespace Moderation.Evaluation.Reporting;

/// <summary>A published one-class result on the same protocol, for comparison in the report.</summary>
/// <param name="Method">Method name as published, e.g. <c>GEOM</c>.</param>
/// <param name="Reference">Paper it comes from.</param>
/// <param name="MeanAuroc">Mean AUROC over the ten one-class tasks, as a fraction in [0,1].</param>
/// <param name="HardestClass">The class with the lowest published AUROC, where we have it; else null.</param>
/// <param name="HardestAuroc">That class's AUROC as a fraction, or null.</param>
public sealed record PublishedBaseline(string Method, string Reference, double MeanAuroc, string? HardestClass = null, double? HardestAuroc = null);
