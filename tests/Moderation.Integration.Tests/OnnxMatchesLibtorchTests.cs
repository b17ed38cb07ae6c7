using Microsoft.Extensions.Logging.Abstractions;
using Moderation.Scoring.Runtime;

namespace Moderation.Integration.Tests;

/// <summary>The exported ONNX graph computes what libtorch computes, on real images, after real training steps.</summary>
[Collection(ModelCollection.Name)]
public sealed class OnnxMatchesLibtorchTests(ModelFixture model)
{
    [Fact]
    public void Discriminator_logit_and_features_match_within_1e_4()
    {
        const int n = 48;
        var batch = model.Images.AsSpan(2000 * 784, n * 784).ToArray();
        var (logit, features) = model.Discriminator.Forward(batch, n, train: false, tapLayer: model.Discriminator.Spec.FeatureLayer);
        using var session = new OnnxModelSession(Path.Combine(model.Folder, "discriminator.onnx"), new OnnxSessionOptions(), NullLogger.Instance);
        var outputs = session.Run(batch, n, ["logit", "features", "anomaly_score"]);
        AssertClose(logit, outputs[0].Data);
        AssertClose(features!, outputs[1].Data);
        Assert.Equal([n, model.Discriminator.Spec.FeatureCount], outputs[1].Shape);
        AssertClose(logit.Select(v => -v).ToArray(), outputs[2].Data);
        Assert.True(logit.Distinct().Count() > n / 2, "logits should differ between images");
    }

    [Fact]
    public void Generator_images_match_within_1e_4()
    {
        const int n = 16;
        var (images, z) = model.Generator.Sample(n, 99, returnLatent: true);
        using var session = new OnnxModelSession(Path.Combine(model.Folder, "generator.onnx"), new OnnxSessionOptions(), NullLogger.Instance);
        var output = session.Run(z!, n)[0];
        Assert.Equal([n, 1, 28, 28], output.Shape);
        AssertClose(images, output.Data);
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        double worst = 0;
        for (int i = 0; i < expected.Length; i++) worst = Math.Max(worst, Math.Abs(expected[i] - actual[i]));
        Assert.True(worst <= 1e-4, $"max |libtorch − onnxruntime| = {worst:G3} > 1e-4");
    }
}
