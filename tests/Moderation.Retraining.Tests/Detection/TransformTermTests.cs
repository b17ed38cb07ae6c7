using Microsoft.Extensions.Logging.Abstractions;
using Moderation.Core.Networks;
using Moderation.Export;
using Moderation.Export.Detector;
using Moderation.Retraining.Detection;
using Moderation.Training.Torch;

namespace Moderation.Retraining.Tests.Detection;

/// <summary>The GEOM transformation classifier trained through libtorch on real trouser images, exported in the
/// detector graph, run by ONNX Runtime: the in-graph transforms, log-softmax and feature tap equal the C# transforms
/// and the libtorch forward passes.</summary>
public sealed class TransformTermTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void TrainingLearnsTheTransformsAndTheInGraphTermEqualsTheLibtorchReference()
    {
        var fit = TestData.Images(1, 300);
        var standardise = TestData.Images(1, 100, skip: 300);
        var fresh = TestData.Images(1, 12, skip: 400).Concat(TestData.Images(7, 8)).ToArray(); // trousers and sneakers
        var (classifier, loss, accuracy) = TransformClassifierTrainer.Train(fit, 300, new TransformRecipe { Width = 8, Epochs = 2, BatchSize = 64 }, 3, CancellationToken.None);
        using var _ = classifier;
        Assert.True(accuracy > 0.5, $"accuracy {accuracy:P1} after 2 epochs (chance 12.5 %), loss {loss:F3}");

        var (offset, scale) = TermStatistic.Standardisation(TransformClassifierTrainer.Score(classifier, standardise, 100));
        var tap = new FeatureTap(TransformClassifierSpecs.FeatureLayer, 1, TapNetwork.TransformClassifier);
        var nn = TermFitter.Fit(classifier, new AnomalyTermRecipe(tap, AnomalyTermKind.NearestNeighbour, 16), fit, 300, standardise, 100, 300, 1);
        using var d = TorchNetwork.Create(DcganSpecs.Discriminator(width: 8), 12);
        var model = new DetectorModel
        {
            Discriminator = d.Spec,
            DiscriminatorParameters = d.Parameters().ToDictionary(p => p.Name),
            AnomalyTerms = [nn],
            Transform = new TransformTerm(classifier.Spec, classifier.Parameters().ToDictionary(p => p.Name), offset, scale),
        };
        var path = Path.Combine(folder.Path, "detector.onnx");
        DetectorOnnxExporter.Export(model, path, new OnnxExportOptions());
        var graph = OnnxScoring.ScoreAll(path, [OnnxTensorNames.AnomalyScore], fresh, 20)[0];

        var geom = TransformClassifierTrainer.Score(classifier, fresh, 20);
        var distances = TermStatistic.Compute(nn, FeatureExtractor.Extract(classifier, tap, fresh, 20), 20);
        for (int i = 0; i < 20; i++)
        {
            double expected = (geom[i] - offset) / scale + (distances[i] - nn.Offset) / nn.Scale;
            Assert.Equal(expected, graph[i], 2e-3 * (1 + Math.Abs(expected)));
        }
    }

    [Fact]
    public void LogSoftmaxIsStableForLargeLogits()
    {
        Assert.Equal(-Math.Log(2), TransformClassifierTrainer.LogSoftmax([1000f, 1000f], 0), 12);
        Assert.Equal(-1000, TransformClassifierTrainer.LogSoftmax([1000f, 0f], 1), 9);
    }

    [Fact]
    public void A_term_tapping_a_missing_transformation_classifier_is_refused()
    {
        using var d = TorchNetwork.Create(DcganSpecs.Discriminator(width: 8), 12);
        var term = new NearestNeighbourTerm(new FeatureTap(TransformClassifierSpecs.FeatureLayer, 1, TapNetwork.TransformClassifier),
            new float[4], new float[4], new float[1], 1, 0, 1);
        var model = new DetectorModel { Discriminator = d.Spec, DiscriminatorParameters = d.Parameters().ToDictionary(p => p.Name), AnomalyTerms = [term] };
        var e = Assert.Throws<ArgumentException>(() => DetectorOnnxExporter.Export(model, Path.Combine(folder.Path, "x.onnx"), new OnnxExportOptions()));
        Assert.Contains("reads the transformation classifier, which the model lacks", e.Message, StringComparison.Ordinal);
    }
}
