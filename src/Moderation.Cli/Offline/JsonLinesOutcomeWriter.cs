using System.Text.Json;

namespace Moderation.Cli.Offline;

/// <summary>One compact JSON object per line (JSON Lines), nulls omitted: a scored file has <c>flagged</c>,
/// <c>reasons</c>, <c>scores</c>, <c>thresholds</c>; a rejected one <c>dlqReason</c> and <c>error</c>.</summary>
internal sealed class JsonLinesOutcomeWriter(TextWriter output) : IOutcomeWriter
{
    public void Write(FileOutcome outcome) => output.WriteLine(JsonSerializer.Serialize(outcome, OfflineJsonContext.Default.FileOutcome));
}
