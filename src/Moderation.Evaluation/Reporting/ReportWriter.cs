using Moderation.Evaluation.Results;

namespace Moderation.Evaluation.Reporting;

/// <summary>
/// Writes a one-class evaluation into a folder: <c>evaluation.json</c> (<see cref="EvaluationJson"/>),
/// <c>report.md</c> (summary, comparison with <see cref="PublishedBaselines"/>, per-class tables, per-anomalous-class
/// AUROC matrix) and SVG plots under <c>plots/</c>: <c>roc-{kind}.svg</c> (all classes of a kind on one chart) and
/// <c>histogram-{kind}-{class}.svg</c> (normal test vs positive scores with the threshold), and PNG sample grids of the
/// generator families under <c>samples/</c>. Everything is drawn from the
/// <see cref="EvaluationResult"/> alone, so a report can be redrawn from its JSON.
/// </summary>
public static class ReportWriter
{
    /// <summary>File name of the Markdown report.</summary>
    public const string MarkdownFileName = "report.md";

    /// <summary>Sub-folder holding the SVG plots.</summary>
    public const string PlotsFolder = "plots";

    /// <summary>Writes (overwriting) the JSON, the Markdown report and the plots; creates the folders.</summary>
    /// <param name="folder">Report folder, e.g. <c>artifacts/evaluation</c>.</param>
    /// <param name="result">The evaluation.</param>
    /// <param name="cancellationToken">Stops between files.</param>
    /// <returns>The paths written.</returns>
    /// <exception cref="IOException">A file cannot be written.</exception>
    /// <exception cref="ArgumentException">A class's ROC or histogram data is malformed (e.g. mismatched lengths).</exception>
    public static async Task<ReportFiles> WriteAsync(string folder, EvaluationResult result, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(result);
        var plots = new List<(string Relative, string Svg)>();
        foreach (var kind in result.Kinds)
        {
            plots.Add((ReportPlots.RocPath(kind.Kind), ReportPlots.Roc(kind)));
            foreach (var c in kind.Classes) plots.Add((ReportPlots.HistogramPath(kind.Kind, c.ClassIndex), ReportPlots.Histogram(kind, c)));
        }

        Directory.CreateDirectory(Path.Combine(folder, PlotsFolder));
        var jsonPath = Path.Combine(folder, EvaluationJson.FileName);
        var markdownPath = Path.Combine(folder, MarkdownFileName);
        await File.WriteAllTextAsync(jsonPath, EvaluationJson.Serialize(result), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(markdownPath, MarkdownReport.Render(result), cancellationToken).ConfigureAwait(false);
        var plotPaths = new List<string>();
        foreach (var (relative, svg) in plots)
        {
            var path = Path.Combine(folder, relative);
            await File.WriteAllTextAsync(path, svg, cancellationToken).ConfigureAwait(false);
            plotPaths.Add(path);
        }
        foreach (var c in result.Transfer)
        foreach (var (family, png) in c.SampleGrids)
        {
            var path = Path.Combine(folder, TransferReport.GridPath(c.ClassIndex, family));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, png, cancellationToken).ConfigureAwait(false);
            plotPaths.Add(path);
        }
        return new ReportFiles(folder, jsonPath, markdownPath, plotPaths);
    }
}
