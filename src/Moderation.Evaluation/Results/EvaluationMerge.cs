using System.Globalization;

namespace Moderation.Evaluation.Results;

/// <summary>Joins evaluation runs of disjoint classes made with the same protocol (e.g. two processes side by side,
/// each on half of the classes) into one result. Classes are independent in the protocol, so the merged figures equal
/// a single run's; the aggregates are recomputed over all classes.</summary>
public static class EvaluationMerge
{
    /// <summary>One result holding every part's classes.</summary>
    /// <param name="parts">Two or more results with the same data set, normal definition, seed and epochs.</param>
    /// <param name="commandLine">The merging command; the parts' command lines and wall times are appended.</param>
    /// <param name="timeProvider">Clock for the creation time.</param>
    /// <returns>Kinds in the first part's order; <see cref="RunMetadata.WallTimeSeconds"/> is the longest part's (the
    /// parts are taken to have run side by side; each part's own is in the command line).</returns>
    /// <exception cref="ArgumentException">Fewer than two parts, parts of different protocols, or a class in two parts.</exception>
    public static EvaluationResult Merge(IReadOnlyList<EvaluationResult> parts, string commandLine, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (parts.Count < 2) throw new ArgumentException("merging needs at least two parts", nameof(parts));
        var first = parts[0];
        var other = parts.FirstOrDefault(p => p.Dataset != first.Dataset || p.NormalDefinition != first.NormalDefinition
            || p.Run.Seed != first.Run.Seed || p.Run.Epochs != first.Run.Epochs);
        if (other is not null)
            throw new ArgumentException($"'{other.Run.CommandLine}' differs from '{first.Run.CommandLine}' in data set, normal definition, seed or epochs", nameof(parts));
        var classes = parts.SelectMany(p => p.Kinds.SelectMany(k => k.Classes).Select(c => c.ClassIndex).Distinct()).ToArray();
        if (classes.Distinct().Count() != classes.Length)
            throw new ArgumentException("a class is in more than one part", nameof(parts));

        var kinds = parts.SelectMany(p => p.Kinds).GroupBy(k => k.Kind, StringComparer.Ordinal)
            .Select(g => ScoreKindResult.Create(g.Key, g.First().Description, g.SelectMany(k => k.Classes))).ToList();
        var run = RunMetadata.Capture(timeProvider,
            commandLine + "; parts: " + string.Join("; ", parts.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Run.CommandLine} ({p.Run.WallTimeSeconds:F0} s)"))),
            first.Run.Seed, first.Run.Epochs, parts.Max(p => p.Run.WallTimeSeconds));
        return new EvaluationResult
        {
            Dataset = first.Dataset,
            NormalDefinition = first.NormalDefinition,
            Run = run,
            Kinds = kinds,
            Transfer = [.. parts.SelectMany(p => p.Transfer).OrderBy(t => t.ClassIndex)],
            VerdictCalibration = [.. parts.SelectMany(p => p.VerdictCalibration).OrderBy(v => v.ClassIndex)],
        };
    }
}
