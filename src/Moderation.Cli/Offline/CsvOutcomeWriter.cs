using System.Globalization;
using CsvHelper;

namespace Moderation.Cli.Offline;

/// <summary>RFC 4180 CSV (CsvHelper): a header, then one row per file with columns <c>file, flagged, reasons</c>
/// (space-separated), one column per score name, one <c>threshold_&lt;name&gt;</c> column per score, <c>modelVersion,
/// dlqReason, error</c>; empty cells where a file was not scored.</summary>
internal sealed class CsvOutcomeWriter : IOutcomeWriter, IDisposable
{
    private readonly CsvWriter csv;
    private readonly IReadOnlyList<string> scoreNames;

    public CsvOutcomeWriter(TextWriter output, IReadOnlyList<string> scoreNames)
    {
        csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true);
        this.scoreNames = scoreNames;
        foreach (var header in new[] { "file", "flagged", "reasons" }.Concat(scoreNames).Concat(scoreNames.Select(n => "threshold_" + n))
                     .Concat(["modelVersion", "dlqReason", "error"]))
            csv.WriteField(header);
        csv.NextRecord();
    }

    public void Write(FileOutcome outcome)
    {
        csv.WriteField(outcome.File);
        csv.WriteField(outcome.Flagged is { } flagged ? (flagged ? "true" : "false") : "");
        csv.WriteField(outcome.Reasons is { } reasons ? string.Join(' ', reasons) : "");
        foreach (var name in scoreNames) csv.WriteField(Number(outcome.Scores, name));
        foreach (var name in scoreNames) csv.WriteField(Number(outcome.Thresholds, name));
        csv.WriteField(outcome.ModelVersion);
        csv.WriteField(outcome.DlqReason ?? "");
        csv.WriteField(outcome.Error ?? "");
        csv.NextRecord();
    }

    public void Dispose()
    {
        csv.Flush();
        csv.Dispose();
    }

    private static string Number(IReadOnlyDictionary<string, double>? values, string name) =>
        values is not null && values.TryGetValue(name, out var v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";
}
