using System.Globalization;
using Spectre.Console;

namespace Moderation.Cli.Demo;

/// <summary>Prints a <see cref="DemoSummary"/> as the CLI's own output.</summary>
internal static class DemoSummaryPrinter
{
    public static void Print(DemoSummary s, string modelVersion, string executionProvider, double wallSeconds)
    {
        AnsiConsole.MarkupLine($"[bold]Moderation demo[/] model [blue]{Markup.Escape(modelVersion)}[/] on [blue]{executionProvider}[/]");
        var totals = new Table().AddColumns("posts in", "verdicts out", "dead-lettered", "missing", "duplicates", "posts/s", "p50 ms", "p99 ms");
        totals.AddRow(I(s.PostsIn), I(s.VerdictsOut), I(s.DeadLettered), I(s.Missing), I(s.Duplicates),
            F(s.ThroughputPostsPerSecond, "F0"), F(s.LatencyP50Ms, "F1"), F(s.LatencyP99Ms, "F1"));
        AnsiConsole.Write(totals);
        var sources = new Table().AddColumns("source", "posts", "scored", "flagged", "flag rate", "dead-lettered");
        foreach (var x in s.Sources)
            sources.AddRow(x.Source, I(x.Posts), I(x.Scored), I(x.Flagged), double.IsNaN(x.FlagRate) ? "-" : x.FlagRate.ToString("P1", CultureInfo.InvariantCulture), I(x.DeadLettered));
        AnsiConsole.Write(sources);
        if (s.DeadLetterReasons.Count > 0)
            AnsiConsole.MarkupLine("dead-letter reasons: " + Markup.Escape(string.Join(", ", s.DeadLetterReasons.OrderBy(r => r.Key).Select(r => $"{r.Key} {r.Value}"))));
        AnsiConsole.MarkupLine($"wall time {wallSeconds.ToString("F1", CultureInfo.InvariantCulture)} s");
    }

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
    private static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
}
