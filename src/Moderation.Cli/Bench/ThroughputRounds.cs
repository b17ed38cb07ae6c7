namespace Moderation.Cli.Bench;

/// <summary>(a) and (b) measured alternately on a shared machine: (a) runs before every (b) round and once after the last,
/// so each (b) round has an (a) on either side of it.</summary>
/// <param name="ModelOnly">(a) runs in order, images/s (one more than <paramref name="EndToEnd"/>).</param>
/// <param name="EndToEnd">(b) rounds in order, posts/s.</param>
/// <param name="Profiles">Where each (b) round's batches spent their time.</param>
internal sealed record ThroughputRounds(IReadOnlyList<double> ModelOnly, IReadOnlyList<double> EndToEnd, IReadOnlyList<StageProfile> Profiles)
{
    /// <summary>Round i's ratio: (b)ᵢ over the mean of the (a) runs just before and just after it.</summary>
    public IReadOnlyList<double> Ratios => EndToEnd.Select((b, i) => b / ((ModelOnly[i] + ModelOnly[i + 1]) / 2)).ToList();

    public double MedianModelOnly => Median(ModelOnly);
    public double MedianEndToEnd => Median(EndToEnd);
    public double MedianRatio => Median(Ratios);

    /// <summary>The profile of the median (b) round.</summary>
    public StageProfile MedianProfile => Profiles[EndToEnd.Select((b, i) => (b, i)).OrderBy(x => x.b).ElementAt((EndToEnd.Count - 1) / 2).i];

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
