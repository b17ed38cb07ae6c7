namespace Moderation.Cli.Demo;

/// <summary>How many demo posts of each source to publish.</summary>
internal sealed record DemoMix(int Normal, int Anomalous, int Synthetic, int Malformed)
{
    public int Total => Normal + Anomalous + Synthetic + Malformed;

    /// <summary>Splits a total as 40% normal, 35% other classes, 15% synthetic, 10% malformed.</summary>
    public static DemoMix For(int total)
    {
        int normal = total * 40 / 100, anomalous = total * 35 / 100, synthetic = total * 15 / 100;
        return new DemoMix(normal, anomalous, synthetic, total - normal - anomalous - synthetic);
    }
}
