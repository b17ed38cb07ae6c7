namespace Moderation.Cli.Demo;

/// <summary>Ground-truth sources of demo posts (the <c>source</c> header).</summary>
internal static class DemoSources
{
    public const string Normal = "normal";
    public const string Anomalous = "other-classes";
    public const string Synthetic = "synthetic";
    public const string Malformed = "malformed";

    public static readonly string[] All = [Normal, Anomalous, Synthetic, Malformed];
}
