using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Moderation.Core.Networks;
using Moderation.Export;
using Moderation.Export.Detector;
using Moderation.Retraining.Detection;
using Moderation.Training.Gan;
using Moderation.Training.Pipelines;
using Moderation.Training.Torch;
using Xunit.Abstractions;

namespace Moderation.Retraining.Tests.Detection;

/// <summary>
/// Parity of the exported detector with TorchSharp on real Fashion-MNIST trousers the networks never saw: a DCGAN trained
/// for one epoch at the shipped widths (D 64, G 128), the shipped recipe's D-tap anomaly terms fitted with up to 5,000
/// references, a trained D as synthetic classifier. ONNX Runtime's <c>logit</c>, <c>features</c>, <c>anomaly_score</c> and
/// <c>synthetic_score</c> equal TorchSharp's forward pass (and the terms' statistics computed in C# from TorchSharp's
/// features) within 1e-4 absolute.
/// </summary>
public sealed class TrainedDetectorParityTests(ITestOutputHelper output) : IDisposable
{
    private const double Tolerance = 1e-4;
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void EveryOutputOfTheExportedDetectorEqualsTheTorchSharpForwardPassWithin1e4()
    {
        const int trainCount = 1200, fresh = 128;
        var train = TestData.Images(1, trainCount);
        var images = TestData.Images(1, fresh, skip: 5000);
        var hyperparameters = new TrainingHyperparameters { Epochs = 1, Seed = 7 };
        using var gan = new GanTrainer(hyperparameters)
        {
            GeneratorSpec = DcganSpecs.Generator(hyperparameters.LatentSize, 128),
            DiscriminatorSpec = DcganSpecs.Discriminator(64),
        }.Train(train, trainCount);
        var d = gan.Discriminator;
        using var synthetic = d.Copy();
        var terms = DetectorRecipe.DiscriminatorTerms
            .Select(r => TermFitter.Fit(d, r, train[..(1000 * 784)], 1000, train[(1000 * 784)..], trainCount - 1000, 5000, 7))
            .ToArray();
        var model = new DetectorModel
        {
            Discriminator = d.Spec,
            DiscriminatorParameters = d.Parameters().ToDictionary(p => p.Name),
            AnomalyTerms = terms,
            SyntheticParameters = synthetic.Parameters().ToDictionary(p => p.Name),
        };
        var path = Path.Combine(folder.Path, "detector.onnx");
        DetectorOnnxExporter.Export(model, path, new OnnxExportOptions());

        var onnx = Run(path, images, fresh);
        var (logit, features) = d.Forward(images, fresh, tapLayer: d.Spec.FeatureLayer);
        var (syntheticLogit, _) = synthetic.Forward(images, fresh);
        var anomaly = new double[fresh];
        foreach (var term in terms)
        {
            var s = TermStatistic.Compute(term, FeatureExtractor.Extract(d, term.Tap, images, fresh), fresh);
            for (int i = 0; i < fresh; i++) anomaly[i] += (s[i] - term.Offset) / term.Scale;
        }

        AssertClose(logit.Select(v => (double)v), onnx[OnnxTensorNames.Logit], OnnxTensorNames.Logit);
        AssertClose(features!.Select(v => (double)v), onnx[OnnxTensorNames.Features], OnnxTensorNames.Features);
        AssertClose(anomaly, onnx[OnnxTensorNames.AnomalyScore], OnnxTensorNames.AnomalyScore);
        AssertClose(syntheticLogit.Select(v => -(double)v), onnx[DetectorTensorNames.SyntheticScore], DetectorTensorNames.SyntheticScore);
        Assert.True(anomaly.Max() - anomaly.Min() > 1, "the scores spread (a constant graph would pass a parity check)");
    }

    private static Dictionary<string, double[]> Run(string path, float[] images, int count)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1 };
        using var session = new InferenceSession(path, options);
        string[] outputs = [OnnxTensorNames.Logit, OnnxTensorNames.Features, OnnxTensorNames.AnomalyScore, DetectorTensorNames.SyntheticScore];
        var input = new DenseTensor<float>(images, [count, 1, 28, 28]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(OnnxTensorNames.Image, input)], outputs);
        return outputs.Select((name, i) => (name, values: results[i].AsTensor<float>().Select(v => (double)v).ToArray()))
            .ToDictionary(r => r.name, r => r.values);
    }

    private void AssertClose(IEnumerable<double> torch, double[] onnx, string name)
    {
        var expected = torch.ToArray();
        Assert.Equal(expected.Length, onnx.Length);
        double worst = expected.Select((v, i) => Math.Abs(v - onnx[i])).Max();
        output.WriteLine($"{name}: worst |TorchSharp − ONNX Runtime| = {worst:E2} over {expected.Length} values, largest |value| {expected.Max(Math.Abs):G4}");
        Assert.True(worst <= Tolerance, $"{name}: worst |TorchSharp − ONNX Runtime| = {worst:E2} over {expected.Length} values");
    }
}
