namespace Moderation.Cli.Offline;

/// <summary>Writes <c>score</c>'s per-file outcomes to its standard output.</summary>
internal interface IOutcomeWriter
{
    void Write(FileOutcome outcome);
}
