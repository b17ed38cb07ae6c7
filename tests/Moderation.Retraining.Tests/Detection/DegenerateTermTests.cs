using Moderation.Core.Networks;
using Moderation.Export;
using Moderation.Export.Detector;
using Moderation.Retraining.Detection;
using Moderation.Training.Torch;

namespace Moderation.Retraining.Tests.Detection;

/// <summary>The degenerate-image term: the in-graph statistics equal the C# twin's on real and hand-made images,
/// known values on hand-made images, and a term fitted on real trousers scores flat and noise images far above them.</summary>
public sealed class DegenerateTermTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void StatisticsOfHandMadeImagesHaveTheirKnownValues()
    {
        var flat = Enumerable.Repeat(-1f, 784).ToArray();
        var s = ImageStatistics.Of(flat, 28);
        Assert.Equal(-1f, s[0]);
        Assert.Equal(Math.Log(0.01), s[1], 5); // sd 0
        Assert.Equal(Math.Log(0.01), s[2], 5); // no edges
        Assert.Equal(1f, s[4]); // all background
        // vertical stripes 1 px wide alternating −1, +1: |dx| = 2 everywhere, |dy| = 0, column means ±1 (sd 1), row means 0 (sd 0)
        var stripes = Enumerable.Range(0, 784).Select(i => i % 2 == 0 ? -1f : 1f).ToArray();
        s = ImageStatistics.Of(stripes, 28);
        Assert.Equal(0f, s[0], 6);
        Assert.Equal(Math.Log(1.01), s[1], 5);
        Assert.Equal(Math.Log(2.01), s[2], 5);
        Assert.Equal(Math.Log(0.01), s[3], 5);
        Assert.Equal(0.5f, s[4], 6);
        Assert.Equal(Math.Log(0.01), s[5], 5);
        Assert.Equal(Math.Log(1.01), s[6], 5);
    }

    [Fact]
    public void InGraphDegenerateScoreMatchesTheCSharpStatisticsAndFlagsFlatAndNoiseImages()
    {
        var fit = TestData.Images(1, 1500);
        var standardise = TestData.Images(1, 300, skip: 1500);
        var fresh = TestData.Images(1, 50, skip: 1800);
        var term = DegenerateFitter.Fit(fit, 1500, standardise, 300, 1);
        using var d = TorchNetwork.Create(DcganSpecs.Discriminator(width: 8), 12);
        var model = new DetectorModel
        {
            Discriminator = d.Spec,
            DiscriminatorParameters = d.Parameters().ToDictionary(p => p.Name),
            AnomalyTerms = [TermFitter.Fit(d, new(new FeatureTap(1, 2), AnomalyTermKind.NearestNeighbour, 8), fit, 200, fit, 200, 200, 1)],
            Degenerate = term,
        };
        var path = Path.Combine(folder.Path, "degenerate.onnx");
        DetectorOnnxExporter.Export(model, path, new OnnxExportOptions());

        var random = new Random(5);
        var flat = Enumerable.Repeat(-0.2f, 784).ToArray();
        var noise = Enumerable.Range(0, 784).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        float[] images = [.. fresh, .. flat, .. noise];
        var graph = OnnxScoring.ScoreAll(path, [DetectorTensorNames.DegenerateScore], images, 52)[0];
        var expected = TermStatistic.Compute(term, ImageStatistics.Compute(images, 52), 52).Select(v => (v - term.Offset) / term.Scale).ToArray();
        for (int i = 0; i < 52; i++) Assert.Equal(expected[i], graph[i], 1e-3 * (1 + Math.Abs(expected[i])));
        double worstTrouser = graph.Take(50).Max();
        Assert.True(graph[50] > 10 * Math.Max(1, worstTrouser), $"flat {graph[50]:F1} vs trousers up to {worstTrouser:F1}");
        Assert.True(graph[51] > 10 * Math.Max(1, worstTrouser), $"noise {graph[51]:F1} vs trousers up to {worstTrouser:F1}");
    }
}
