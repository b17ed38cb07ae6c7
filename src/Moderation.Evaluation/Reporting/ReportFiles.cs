namespace Moderation.Evaluation.Reporting;

/// <summary>What <see cref="ReportWriter.WriteAsync"/> wrote, as full paths.</summary>
/// <param name="Folder">The report folder.</param>
/// <param name="JsonPath"><c>evaluation.json</c>.</param>
/// <param name="MarkdownPath"><c>report.md</c>.</param>
/// <param name="PlotPaths">The SVG plots under <c>plots/</c>.</param>
public sealed record ReportFiles(string Folder, string JsonPath, string MarkdownPath, IReadOnlyList<string> PlotPaths);
