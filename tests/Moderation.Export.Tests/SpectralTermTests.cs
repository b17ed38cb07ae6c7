using Moderation.Core.Networks;
using Moderation.Export;
using Moderation.Export.Detector;
using Moderation.Export.Tests.Support;
using static Moderation.Export.Tests.Support.Sessions;

namespace Moderation.Export.Tests;

/// <summary>The DCT basis against its definition, and the spectral branch of <c>synthetic_score</c> run through ONNX
/// Runtime against the 2-D DCT-II written out as a double sum.</summary>
public sealed class SpectralTermTests : IDisposable
{
    private const int Side = 28, Pixels = Side * Side;
    private static readonly NetworkSpec Discriminator = DcganSpecs.Discriminator(width: 4);
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void The_basis_is_orthonormal_with_the_dct_ii_values()
    {
        var c = DctBasis.Orthonormal(Side);
        for (int a = 0; a < Side; a++)
            for (int b = 0; b < Side; b++)
                Assert.Equal(a == b ? 1 : 0, Enumerable.Range(0, Side).Sum(i => (double)c[a * Side + i] * c[b * Side + i]), 5);
        Assert.Equal(1 / Math.Sqrt(28), c[5], 6);                                      // k = 0: flat
        Assert.Equal(Math.Sqrt(2.0 / 28) * Math.Cos(Math.PI * 7 * 3 / 56), c[3 * Side + 3], 6); // k = 3, i = 3
        Assert.Equal([1f], DctBasis.Orthonormal(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DctBasis.Orthonormal(0));
    }

    [Fact]
    public void Synthetic_score_adds_the_weighted_logistic_regression_on_the_log_spectrum()
    {
        var d = RandomParameters.For(Discriminator, seed: 31);
        var s = RandomParameters.For(Discriminator, seed: 32);
        var spectral = new SpectralTerm(RandomParameters.Uniform(Pixels, seed: 5, -0.05f, 0.05f), Bias: 0.3, Weight: 1.7);
        var term = new GaussianTerm(new FeatureTap(FeatureTap.Input), new float[Pixels], new float[Pixels], [1f], 0, 0, 1);
        var model = new DetectorModel { Discriminator = Discriminator, DiscriminatorParameters = d, AnomalyTerms = [term], SyntheticParameters = s, Spectral = spectral };
        var path = folder.File("spectral.onnx");
        DetectorOnnxExporter.Export(model, path, new OnnxExportOptions());
        using var session = new OnnxModelSession(path, Cpu(), new ListLogger());

        const int batch = 3;
        var images = RandomParameters.Uniform(batch * Pixels, seed: 8);
        images.AsSpan(0, Pixels).Fill(-1f); // a flat image: only the DC coefficient is non-zero
        var scores = session.Run(images, batch).Output(DetectorTensorNames.SyntheticScore).Data;
        for (int n = 0; n < batch; n++)
        {
            var x = images.AsSpan(n * Pixels, Pixels).ToArray();
            double logit = ReferenceNetwork.Forward(Discriminator, s, x)[^1][0];
            double branch = spectral.Bias;
            for (int k = 0; k < Side; k++)
                for (int l = 0; l < Side; l++)
                    branch += spectral.Weights[k * Side + l] * Math.Log(Math.Abs(Dct(x, k, l)) + SpectralTerm.Epsilon);
            double expected = -logit + spectral.Weight * branch;
            Assert.Equal(expected, scores[n], Math.Abs(expected) * 1e-4 + 1e-3);
        }
    }

    [Fact]
    public void A_spectral_term_without_a_classifier_or_with_the_wrong_size_is_rejected()
    {
        var term = new GaussianTerm(new FeatureTap(FeatureTap.Input), new float[Pixels], new float[Pixels], [1f], 0, 0, 1);
        var model = new DetectorModel
        {
            Discriminator = Discriminator, DiscriminatorParameters = RandomParameters.For(Discriminator, seed: 1), AnomalyTerms = [term],
            Spectral = new SpectralTerm(new float[Pixels], 0, 1),
        };
        Assert.Throws<ArgumentException>(() => DetectorOnnxExporter.Export(model, folder.File("a.onnx"), new OnnxExportOptions()));
        var wrongSize = model with { SyntheticParameters = RandomParameters.For(Discriminator, seed: 2), Spectral = new SpectralTerm(new float[10], 0, 1) };
        Assert.Throws<ArgumentException>(() => DetectorOnnxExporter.Export(wrongSize, folder.File("b.onnx"), new OnnxExportOptions()));
        var zeroWeight = wrongSize with { Spectral = new SpectralTerm(new float[Pixels], 0, 0) };
        Assert.Throws<ArgumentException>(() => DetectorOnnxExporter.Export(zeroWeight, folder.File("c.onnx"), new OnnxExportOptions()));
    }

    /// <summary>X̂[k,l] = s_k s_l Σ_i Σ_j x[i,j] cos(π(2i+1)k/2n) cos(π(2j+1)l/2n), by the definition.</summary>
    private static double Dct(float[] x, int k, int l)
    {
        double sum = 0;
        for (int i = 0; i < Side; i++)
            for (int j = 0; j < Side; j++)
                sum += x[i * Side + j] * Math.Cos(Math.PI * (2 * i + 1) * k / (2.0 * Side)) * Math.Cos(Math.PI * (2 * j + 1) * l / (2.0 * Side));
        return sum * Math.Sqrt((k == 0 ? 1.0 : 2.0) / Side) * Math.Sqrt((l == 0 ? 1.0 : 2.0) / Side);
    }
}
