using System.Globalization;
using System.Text.RegularExpressions;
using Moderation.Evaluation.Reporting;
using Moderation.Evaluation.Results;
using Moderation.Evaluation.Tests.Fixtures;
using Moderation.Evaluation.Tests.Plots;

namespace Moderation.Evaluation.Tests.Reporting;

public sealed partial class ReportWriterTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "moderation-report-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    private static string Pct(double fraction) => (fraction * 100).ToString("F1", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Writes_json_markdown_and_one_plot_per_class_and_kind()
    {
        var result = SampleEvaluation.Build();
        var files = await ReportWriter.WriteAsync(folder, result);

        Assert.Equal(Path.Combine(folder, "evaluation.json"), files.JsonPath);
        Assert.Equal(Path.Combine(folder, "report.md"), files.MarkdownPath);
        Assert.Equal(2 * (1 + 10), files.PlotPaths.Count);
        Assert.All(files.PlotPaths, p => Assert.True(File.Exists(p), p));
        Assert.Equal(EvaluationJson.Serialize(result), EvaluationJson.Serialize(await EvaluationJson.LoadAsync(folder)));
    }

    [Fact]
    public async Task Report_has_a_row_per_class_with_its_figures()
    {
        var result = SampleEvaluation.Build();
        await ReportWriter.WriteAsync(folder, result);
        var md = await File.ReadAllTextAsync(Path.Combine(folder, "report.md"));

        foreach (var kind in result.Kinds)
            foreach (var c in kind.Classes)
                Assert.Contains($"| {c.ClassIndex} | {c.ClassName} | {Pct(c.Auroc)} | {Pct(c.Auprc)} | {Pct(c.TprAtThreshold)} | ", md, StringComparison.Ordinal);
        var anomaly = result.FindKind(ScoreKinds.Anomaly)!.Aggregate;
        Assert.Contains($"| **ours (anomaly score)** | **{Pct(anomaly.MeanAuroc)}** | {anomaly.WorstClassName} ({Pct(anomaly.WorstAuroc)}) |", md, StringComparison.Ordinal);
        Assert.Contains("| anomaly | ", md, StringComparison.Ordinal);
        Assert.Contains("| synthetic | ", md, StringComparison.Ordinal);
        Assert.Contains(result.NormalDefinition, md, StringComparison.Ordinal);
        Assert.Contains("seed 7", md, StringComparison.Ordinal);
        Assert.Contains("`moderation evaluate --epochs 2 --seed 7`", md, StringComparison.Ordinal);
        Assert.Contains("2025-03-14 15:09:26 UTC", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_shows_the_published_numbers_with_their_source()
    {
        await ReportWriter.WriteAsync(folder, SampleEvaluation.Build());
        var md = await File.ReadAllTextAsync(Path.Combine(folder, "report.md"));
        foreach (var row in new[] { "| ADGAN | 88.4 |", "| Deep SVDD | 89.2 |", "| OC-SVM | 92.8 |", "| GEOM | 93.5 | Shirt (83.3) |", "| ARNet | 93.9 |", "| ESAD | 94.0 |" })
            Assert.Contains(row, md, StringComparison.Ordinal);
        Assert.Contains("Source: Published numbers as collected in the project's shared reference notes", md, StringComparison.Ordinal);
        Assert.DoesNotContain("Note: our mean covers", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_table_row_has_as_many_cells_as_its_header_and_every_link_resolves()
    {
        await ReportWriter.WriteAsync(folder, SampleEvaluation.Build());
        var lines = await File.ReadAllLinesAsync(Path.Combine(folder, "report.md"));
        int? columns = null;
        foreach (var line in lines)
        {
            if (!line.StartsWith('|')) { columns = null; continue; }
            int cells = CellSeparator().Matches(line).Count;
            columns ??= cells;
            Assert.True(columns == cells, $"'{line}' has {cells - 1} cells, its table {columns - 1}");
        }
        var links = Link().Matches(string.Join('\n', lines)).Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(2 * (1 + 10), links.Length);
        Assert.All(links, link => Assert.True(File.Exists(Path.Combine(folder, link)), link));
    }

    [Fact]
    public async Task Plots_parse_as_svg_with_one_polyline_per_roc_curve()
    {
        var result = SampleEvaluation.Build();
        await ReportWriter.WriteAsync(folder, result);
        foreach (var kind in result.Kinds)
        {
            var roc = SvgAssert.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "plots", $"roc-{kind.Kind}.svg")));
            Assert.Equal(kind.Classes.Count, SvgAssert.Elements(roc, "polyline").Count());
            Assert.Contains($"6 Shirt ({Pct(kind.Classes[6].Auroc)})", SvgAssert.Texts(roc));
            foreach (var c in kind.Classes)
            {
                var histogram = SvgAssert.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "plots", $"histogram-{kind.Kind}-{c.ClassIndex}.svg")));
                Assert.Equal(2, SvgAssert.Elements(histogram, "polygon").Count());
                Assert.Contains(SvgAssert.Texts(histogram), t => t.StartsWith("threshold ", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public async Task Fewer_than_ten_classes_are_flagged_next_to_the_published_means()
    {
        await ReportWriter.WriteAsync(folder, SampleEvaluation.Build(3));
        var md = await File.ReadAllTextAsync(Path.Combine(folder, "report.md"));
        Assert.Contains("Note: our mean covers 3 of the 10 classes", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_verdict_section_breaks_out_each_score_at_its_joint_threshold()
    {
        VerdictScoreCalibration Score(string output, double test) =>
            new() { Output = output, Threshold = 2.5, CalibrationFpr = 0.004, RealisedFpr = test, OnlyThisScoreFpr = test / 2 };
        var verdict = new VerdictCalibrationResult
        {
            ClassIndex = 4, ClassName = "Coat", Outputs = ["anomaly_score", "degenerate_score"], CalibrationImages = 2400,
            TestImages = 1000, TargetFpr = 0.01, RealisedFpr = 0.021, IntervalLow = 0.004, IntervalHigh = 0.017, Inside = false, ChanceInside = 0.9435,
            Scores = [Score("anomaly_score", 0.005), Score("degenerate_score", 0.016)],
        };
        await ReportWriter.WriteAsync(folder, SampleEvaluation.Build(1) with { VerdictCalibration = [verdict] });
        var md = await File.ReadAllTextAsync(Path.Combine(folder, "report.md"));

        // p: Σ_{x≥21} BetaBinomial(1000, 24, 2377) = 0.00749 (K = ⌊0.01·2401⌋ − 1 = 23); one score, K = 0.4 % of 2,400 = 10:
        // Σ_{x≥16} BetaBinomial(1000, 11, 2390) = 0.00064 and Σ_{x≥5} = 0.464 (log-gamma sums, computed independently)
        Assert.Contains("| 4 | Coat | anomaly_score, degenerate_score | 2400 | 1000 | 1% | 2.10% | 0.40%–1.70% | **no** | 0.007 |", md, StringComparison.Ordinal);
        Assert.Contains("| 4 | Coat | degenerate_score | 2.5 | 0.40% | 1.60% | 0.80% | < 0.001 |", md, StringComparison.Ordinal);
        Assert.Contains("| 4 | Coat | anomaly_score | 2.5 | 0.40% | 0.50% | 0.25% | 0.464 |", md, StringComparison.Ordinal);
        Assert.Contains("Smallest: Coat, 0.007; the chance that at least one of 1 exchangeable classes goes as far is 0.007.", md, StringComparison.Ordinal);
        Assert.Contains("per class 94.3 %; all 1 classes together 94.3 %", md, StringComparison.Ordinal);
        Assert.Equal(verdict.Scores, (await EvaluationJson.LoadAsync(folder)).VerdictCalibration[0].Scores);
    }

    // '|' not preceded by a backslash
    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellSeparator();

    [GeneratedRegex(@"\]\((plots/[^)]+\.svg)\)")]
    private static partial Regex Link();
}
