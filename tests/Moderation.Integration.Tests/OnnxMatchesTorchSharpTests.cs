using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Moderation.Integration.Tests;

/// <summary>The exported ONNX graph computes what the TorchSharp modules compute, on real Fashion-MNIST images after
/// real training steps, through ONNX Runtime's managed API. (The detector graph's <c>synthetic_score</c> and its
/// anomaly terms are checked the same way in Moderation.Retraining.Tests' DetectorGraphConsistencyTests.)</summary>
[Collection(ModelCollection.Name)]
public sealed class OnnxMatchesTorchSharpTests(ModelFixture model)
{
    [Fact]
    public void Discriminator_logit_features_and_anomaly_score_match_within_1e_4()
    {
        const int n = 48;
        var batch = model.Images.AsSpan(2000 * 784, n * 784).ToArray();
        var (logit, features) = model.Discriminator.Forward(batch, n, train: false, tapLayer: model.Discriminator.Spec.FeatureLayer);
        var outputs = Run(Path.Combine(model.Folder, "discriminator.onnx"), "image", batch, [n, 1, 28, 28], ["logit", "features", "anomaly_score"]);
        AssertClose(logit, outputs[0].Values);
        AssertClose(features!, outputs[1].Values);
        Assert.Equal([n, model.Discriminator.Spec.FeatureCount], outputs[1].Shape);
        AssertClose([.. logit.Select(v => -v)], outputs[2].Values);
        Assert.True(logit.Distinct().Count() > n / 2, "logits should differ between images");
    }

    [Fact]
    public void Generator_images_match_within_1e_4()
    {
        const int n = 16;
        var (images, z) = model.Generator.Sample(n, 99, returnLatent: true);
        var output = Run(Path.Combine(model.Folder, "generator.onnx"), "z", z!, [n, 100], ["image"])[0];
        Assert.Equal([n, 1, 28, 28], output.Shape);
        AssertClose(images, output.Values);
    }

    private static (float[] Values, int[] Shape)[] Run(string path, string input, float[] data, int[] shape, string[] outputs)
    {
        using var session = new InferenceSession(path);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(input, new DenseTensor<float>(data, shape))], outputs);
        return [.. results.Select(r => (r.AsTensor<float>().ToArray(), r.AsTensor<float>().Dimensions.ToArray()))];
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        double worst = 0;
        for (int i = 0; i < expected.Length; i++) worst = Math.Max(worst, Math.Abs(expected[i] - actual[i]));
        Assert.True(worst <= 1e-4, $"max |TorchSharp − onnxruntime| = {worst:G3} > 1e-4");
    }
}
