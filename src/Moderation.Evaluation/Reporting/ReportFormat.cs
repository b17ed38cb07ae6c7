using System.Globalization;
using Moderation.Evaluation.Results;

namespace Moderation.Evaluation.Reporting;

/// <summary>Number and text formatting for the report (invariant culture).</summary>
internal static class ReportFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A fraction as a percentage with one decimal, without the sign (the published tables' style): 0.884 → 88.4.</summary>
    public static string Pct1(double fraction) => double.IsNaN(fraction) ? "—" : (fraction * 100).ToString("F1", Invariant);

    /// <summary>A rate as a percentage with two decimals and the sign: 0.0123 → 1.23%.</summary>
    public static string Rate(double fraction) => double.IsNaN(fraction) ? "—" : (fraction * 100).ToString("F2", Invariant) + "%";

    /// <summary>A target FPR as a short percentage: 0.01 → 1%.</summary>
    public static string Target(double fraction) => (fraction * 100).ToString("0.###", Invariant) + "%";

    public static string Score(double value) => value.ToString("G5", Invariant);

    public static string Seconds(double seconds) => double.IsNaN(seconds) ? "—" : seconds.ToString("F1", Invariant);

    /// <summary>Escapes a Markdown table cell.</summary>
    public static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    /// <summary>The target FPR shared by all classes of a kind, or "per-class target" where they differ.</summary>
    public static string TargetOf(ScoreKindResult kind)
    {
        var targets = kind.Classes.Select(c => c.TargetFpr).Distinct().ToArray();
        return targets.Length == 1 ? Target(targets[0]) : "per-class target";
    }

    /// <summary>What the positives of a kind are called in plots.</summary>
    public static string PositivesName(string kind) => kind == ScoreKinds.Synthetic ? "generator samples" : "anomalous";
}
