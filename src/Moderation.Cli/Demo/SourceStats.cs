namespace Moderation.Cli.Demo;

/// <summary>Per-source counts of the demo.</summary>
internal sealed record SourceStats(string Source, int Posts, int Scored, int Flagged, int DeadLettered)
{
    public double FlagRate => Scored == 0 ? double.NaN : (double)Flagged / Scored;
}
