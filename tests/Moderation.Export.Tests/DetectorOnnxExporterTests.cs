using Moderation.Core.Networks;
using Moderation.Export;
using Moderation.Export.Detector;
using Moderation.Export.Tests.Support;
using static Moderation.Export.Tests.Support.Sessions;

namespace Moderation.Export.Tests;

/// <summary>The detector graph (D + anomaly terms + synthetic classifier) run through ONNX Runtime and checked against
/// the double-precision reference forward pass and the terms' formulas written out in C#.</summary>
public class DetectorOnnxExporterTests : IDisposable
{
    private const int Pixels = 28 * 28;
    private static readonly NetworkSpec Discriminator = DcganSpecs.Discriminator(width: 4);
    private static readonly Dictionary<string, NamedTensor> DParams = RandomParameters.For(Discriminator, seed: 31);
    private static readonly Dictionary<string, NamedTensor> SParams = RandomParameters.For(Discriminator, seed: 32);
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Scores_equal_the_reference_formulas_and_the_contract_outputs_equal_the_plain_export()
    {
        // term 0: Gaussian on the pixels; term 1: nearest neighbour on layer 1 ([4,14,14]) pooled 2×2 → F = 196
        var gaussian = new GaussianTerm(new FeatureTap(FeatureTap.Input), Uniform(784, 1, -0.2f, 0.2f), Orthonormal(784, 3, 2),
            [2f, 1f, 0.5f], 0.25, Offset: 10, Scale: 4);
        var nn = new NearestNeighbourTerm(new FeatureTap(1, 2), Uniform(196, 3, -0.1f, 0.1f), Uniform(196 * 5, 4, -0.3f, 0.3f),
            Uniform(7 * 5, 5, -1, 1), Rank: 5, Offset: 1, Scale: 2);
        var model = new DetectorModel
        {
            Discriminator = Discriminator, DiscriminatorParameters = DParams, AnomalyTerms = [gaussian, nn], SyntheticParameters = SParams,
        };
        var path = folder.File("detector.onnx");
        var sha = DetectorOnnxExporter.Export(model, path, new OnnxExportOptions());
        Assert.Equal(64, sha.Length);
        using var session = new OnnxModelSession(path, Cpu(), new ListLogger());
        Assert.Equal([OnnxTensorNames.Logit, OnnxTensorNames.Features, OnnxTensorNames.AnomalyScore, DetectorTensorNames.SyntheticScore],
            session.OutputNames);

        const int batch = 3;
        var images = RandomParameters.Uniform(batch * Pixels, seed: 8);
        var outputs = session.Run(images, batch);
        using var plain = ExportAndOpen(folder, Discriminator, DParams);
        var plainOutputs = plain.Run(images, batch);
        Assert.Equal(plainOutputs.Output(OnnxTensorNames.Logit).Data, outputs.Output(OnnxTensorNames.Logit).Data);
        Assert.Equal(plainOutputs.Output(OnnxTensorNames.Features).Data, outputs.Output(OnnxTensorNames.Features).Data);
        Assert.Equal([batch, 1], outputs.Output(OnnxTensorNames.AnomalyScore).Shape);
        Assert.Equal([batch, 1], outputs.Output(DetectorTensorNames.SyntheticScore).Shape);

        for (int n = 0; n < batch; n++)
        {
            var item = images.AsSpan(n * Pixels, Pixels);
            var layers = ReferenceNetwork.Forward(Discriminator, DParams, item);
            var pixels = item.ToArray().Select(v => (double)v).ToArray();
            double expected = (GaussianStatistic(gaussian, pixels) - 10) / 4 + (NearestStatistic(nn, Pool2(layers[1], 4, 14)) - 1) / 2;
            Assert.Equal(expected, outputs.Output(OnnxTensorNames.AnomalyScore).Data[n], Math.Abs(expected) * 1e-4 + 1e-4);
            var syntheticLogit = ReferenceNetwork.Forward(Discriminator, SParams, item)[^1][0];
            Assert.Equal(-syntheticLogit, outputs.Output(DetectorTensorNames.SyntheticScore).Data[n], 1e-4);
        }
    }

    [Fact]
    public void Without_a_synthetic_classifier_there_is_no_synthetic_output_and_one_term_is_the_score_itself()
    {
        var term = new GaussianTerm(new FeatureTap(4), Uniform(4 * 2 * 7 * 7, 6, -0.1f, 0.1f), Orthonormal(392, 2, 7), [1f, 1f], 0, 0, 1);
        var model = new DetectorModel { Discriminator = Discriminator, DiscriminatorParameters = DParams, AnomalyTerms = [term] };
        var path = folder.File("single.onnx");
        DetectorOnnxExporter.Export(model, path, new OnnxExportOptions());
        using var session = new OnnxModelSession(path, Cpu(), new ListLogger());
        Assert.DoesNotContain(DetectorTensorNames.SyntheticScore, session.OutputNames);
        var image = RandomParameters.Uniform(Pixels, seed: 2);
        var outputs = session.Run(image, 1);
        var features = outputs.Output(OnnxTensorNames.Features).Data.Select(v => (double)v).ToArray();
        Assert.Equal(GaussianStatistic(term, features), outputs.Output(OnnxTensorNames.AnomalyScore).Data[0], 1e-3);
    }

    [Fact]
    public void Terms_that_do_not_fit_their_tap_are_rejected()
    {
        var wrong = new GaussianTerm(new FeatureTap(1, 2), new float[10], new float[10], [1f], 1, 0, 1);
        var model = new DetectorModel { Discriminator = Discriminator, DiscriminatorParameters = DParams, AnomalyTerms = [wrong] };
        var e = Assert.Throws<ArgumentException>(() => DetectorOnnxExporter.Export(model, folder.File("x.onnx"), new OnnxExportOptions()));
        Assert.Contains("196", e.Message, StringComparison.Ordinal);
        var outside = model with { AnomalyTerms = [wrong with { Tap = new FeatureTap(9) }] };
        Assert.Throws<ArgumentException>(() => DetectorOnnxExporter.Export(outside, folder.File("y.onnx"), new OnnxExportOptions()));
        var none = model with { AnomalyTerms = [] };
        Assert.Throws<ArgumentException>(() => DetectorOnnxExporter.Export(none, folder.File("z.onnx"), new OnnxExportOptions()));
    }

    private static double GaussianStatistic(GaussianTerm g, double[] f)
    {
        var c = f.Select((v, j) => v - g.Mean[j]).ToArray();
        double total = c.Sum(v => v * v), inner = 0, explained = 0;
        for (int i = 0; i < g.Rank; i++)
        {
            double p = 0;
            for (int j = 0; j < c.Length; j++) p += c[j] * g.Components[j * g.Rank + i];
            inner += p * p * g.InverseVariances[i];
            explained += p * p;
        }
        return inner + Math.Max(0, total - explained) * g.InverseResidualVariance;
    }

    private static double NearestStatistic(NearestNeighbourTerm n, double[] f)
    {
        var p = new double[n.Rank];
        for (int j = 0; j < f.Length; j++)
        for (int i = 0; i < n.Rank; i++) p[i] += (f[j] - n.Mean[j]) * n.Projection[j * n.Rank + i];
        return Enumerable.Range(0, n.ReferenceCount)
            .Min(r => Enumerable.Range(0, n.Rank).Sum(i => Math.Pow(p[i] - n.References[r * n.Rank + i], 2)));
    }

    /// <summary>2×2 average pooling of a [C,S,S] tensor.</summary>
    private static double[] Pool2(double[] x, int channels, int side)
    {
        int o = side / 2;
        var y = new double[channels * o * o];
        for (int c = 0; c < channels; c++)
        for (int r = 0; r < o; r++)
        for (int q = 0; q < o; q++)
            y[(c * o + r) * o + q] = (x[(c * side + 2 * r) * side + 2 * q] + x[(c * side + 2 * r) * side + 2 * q + 1]
                + x[(c * side + 2 * r + 1) * side + 2 * q] + x[(c * side + 2 * r + 1) * side + 2 * q + 1]) / 4;
        return y;
    }

    private static float[] Uniform(int count, int seed, float low, float high) => RandomParameters.Uniform(count, seed, low, high);

    /// <summary>[d,k] with orthonormal columns (Gram–Schmidt of random columns).</summary>
    private static float[] Orthonormal(int d, int k, int seed)
    {
        var random = new Random(seed);
        var columns = new List<double[]>();
        for (int i = 0; i < k; i++)
        {
            var v = Enumerable.Range(0, d).Select(_ => random.NextDouble() - 0.5).ToArray();
            foreach (var u in columns)
            {
                double dot = v.Zip(u, (a, b) => a * b).Sum();
                for (int j = 0; j < d; j++) v[j] -= dot * u[j];
            }
            double norm = Math.Sqrt(v.Sum(x => x * x));
            columns.Add([.. v.Select(x => x / norm)]);
        }
        var m = new float[d * k];
        for (int j = 0; j < d; j++)
        for (int i = 0; i < k; i++) m[j * k + i] = (float)columns[i][j];
        return m;
    }
}
