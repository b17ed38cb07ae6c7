using Moderation.Core.Networks;
using Moderation.Evaluation.Metrics;
using Moderation.Export;
using Moderation.Export.Detector;
using Moderation.Retraining.Detection;
using Moderation.Retraining.Zoo;
using Moderation.Training.Torch;

namespace Moderation.Retraining.Tests.Detection;

/// <summary>The spectral branch on real trousers against the trace up-sampling leaves (each image averaged over 2×2
/// blocks and up-sampled by repetition, the cue Frank et al. 2020 found in GAN images), and its C# scores against the
/// ONNX graph's.</summary>
public sealed class SpectralFitterTests : IDisposable
{
    private const int Side = 28, Pixels = Side * Side;
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void The_branch_tells_held_out_upsampled_trousers_from_real_ones()
    {
        TorchRuntime.SetThreads(1);
        var real = TestData.Images(1, 600);
        var fakes = Upsampled(TestData.Images(1, 600, skip: 600), 600);
        var family = new FamilySamples("upsampled", "2×2 average, nearest up-sampling", fakes, 600, fakes, 600, 0);
        var classifier = Enumerable.Range(0, 600).Select(i => Math.Sin(i)).ToArray(); // sd √½: only sets the branch's weight

        var term = SpectralFitter.Fit(real, 600, [family], classifier, Side);

        var heldReal = SpectralFitter.Score(term, TestData.Images(1, 300, skip: 1200), 300, Side);
        var heldFake = SpectralFitter.Score(term, Upsampled(TestData.Images(1, 300, skip: 1500), 300), 300, Side);
        Assert.True(DetectionMetrics.Auroc(heldReal, heldFake) > 0.95, $"AUROC {DetectionMetrics.Auroc(heldReal, heldFake):F3}");
        var own = SpectralFitter.Score(term, real, 600, Side).Select(v => v / term.Weight).ToArray();
        Assert.Equal(Sd(classifier) / Sd(own), term.Weight, 4); // each part moves the score by as much on the real images
    }

    [Fact]
    public void Its_scores_are_what_the_onnx_graph_adds_to_synthetic_score()
    {
        var spec = DcganSpecs.Discriminator(width: 4);
        using var network = TorchNetwork.Create(spec, 3);
        var byName = network.Parameters().ToDictionary(p => p.Name, StringComparer.Ordinal);
        var term = new GaussianTerm(new FeatureTap(FeatureTap.Input), new float[Pixels], new float[Pixels], [1f], 0, 0, 1);
        var spectral = new SpectralTerm([.. Enumerable.Range(0, Pixels).Select(i => (float)Math.Cos(i) * 0.05f)], -0.2, 0.8);
        var without = new DetectorModel { Discriminator = spec, DiscriminatorParameters = byName, AnomalyTerms = [term], SyntheticParameters = byName };
        var images = TestData.Images(3, 20);
        double[] Synthetic(DetectorModel model, string name)
        {
            var path = Path.Combine(folder.Path, name);
            DetectorOnnxExporter.Export(model, path, new OnnxExportOptions());
            return OnnxScoring.ScoreAll(path, [DetectorTensorNames.SyntheticScore], images, 20)[0];
        }

        var added = Synthetic(without with { Spectral = spectral }, "with.onnx").Zip(Synthetic(without, "without.onnx"), (a, b) => a - b).ToArray();

        var expected = SpectralFitter.Score(spectral, images, 20, Side);
        for (int i = 0; i < 20; i++) Assert.Equal(expected[i], added[i], Math.Abs(expected[i]) * 1e-4 + 1e-4);
    }

    /// <summary>Each 2×2 block replaced by its mean.</summary>
    private static float[] Upsampled(float[] images, int count)
    {
        var result = new float[count * Pixels];
        for (int n = 0; n < count; n++)
            for (int r = 0; r < Side; r += 2)
                for (int c = 0; c < Side; c += 2)
                {
                    int o = n * Pixels;
                    float mean = (images[o + r * Side + c] + images[o + r * Side + c + 1] + images[o + (r + 1) * Side + c] + images[o + (r + 1) * Side + c + 1]) / 4;
                    result[o + r * Side + c] = result[o + r * Side + c + 1] = result[o + (r + 1) * Side + c] = result[o + (r + 1) * Side + c + 1] = mean;
                }
        return result;
    }

    private static double Sd(IReadOnlyList<double> v)
    {
        double m = v.Average();
        return Math.Sqrt(v.Sum(x => (x - m) * (x - m)) / v.Count);
    }
}
