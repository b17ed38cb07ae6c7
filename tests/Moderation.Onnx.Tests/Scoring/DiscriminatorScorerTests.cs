using Moderation.Core.Models;
using Moderation.Core.Networks;
using Moderation.Onnx.Export;
using Moderation.Onnx.Runtime;
using Moderation.Onnx.Scoring;
using Moderation.Onnx.Tests.Support;

namespace Moderation.Onnx.Tests.Scoring;

public class DiscriminatorScorerTests : IDisposable
{
    private static readonly NetworkSpec Discriminator = DcganSpecs.Discriminator(width: 8);
    private readonly TempFolder folder = new();
    private readonly string onnxPath;

    public DiscriminatorScorerTests()
    {
        onnxPath = folder.File("discriminator.onnx");
        var sha = NetworkOnnxExporter.Export(Discriminator, RandomParameters.For(Discriminator, 5), onnxPath, new OnnxExportOptions());
        ModelCardStore.Save(Card(sha, OnnxTensorNames.Image), folder.Path);
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Scores_are_N_by_k_in_threshold_order_from_the_named_outputs()
    {
        using var scorer = new DiscriminatorScorer(folder.Path, Sessions.Cpu(), new ListLogger());
        Assert.Equal(["abnormal", "realness"], scorer.ScoreNames);
        Assert.Equal("cpu", scorer.ExecutionProvider);
        const int n = 4;
        var images = RandomParameters.Uniform(n * 784, seed: 8);
        var scores = scorer.Score(images, n);
        Assert.Equal(n * 2, scores.Length);

        using var session = new OnnxModelSession(onnxPath, Sessions.Cpu(), new ListLogger());
        var outputs = session.Run(images, n);
        var anomaly = outputs.Output(OnnxTensorNames.AnomalyScore).Data;
        var logit = outputs.Output(OnnxTensorNames.Logit).Data;
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(anomaly[i], scores[i * 2]);
            Assert.Equal(logit[i], scores[i * 2 + 1]);
            Assert.Equal(-scores[i * 2 + 1], scores[i * 2]);
        }
        Assert.Throws<ArgumentException>(() => scorer.Score(images.AsSpan(0, 783), 1));
    }

    [Fact]
    public void A_tampered_onnx_file_is_refused()
    {
        var bytes = File.ReadAllBytes(onnxPath);
        bytes[^1] ^= 0x01;
        File.WriteAllBytes(onnxPath, bytes);
        var ex = Assert.Throws<InvalidDataException>(() => new DiscriminatorScorer(folder.Path, Sessions.Cpu(), new ListLogger()));
        Assert.Contains("SHA-256", ex.Message);
    }

    [Fact]
    public void A_card_naming_another_input_is_refused()
    {
        ModelCardStore.Save(Card(ModelCardStore.Sha256Hex(onnxPath), "pixels"), folder.Path);
        var ex = Assert.Throws<InvalidDataException>(() => new DiscriminatorScorer(folder.Path, Sessions.Cpu(), new ListLogger()));
        Assert.Contains("pixels", ex.Message);
    }

    private static ModelCard Card(string sha, string input) => new()
    {
        Name = "test",
        CreatedAt = DateTimeOffset.UnixEpoch,
        Dataset = new DatasetInfo { Name = "fashion-mnist", NormalClasses = [0], NormalClassNames = ["T-shirt/top"], TrainImages = 1, CalibrationImages = 1 },
        Architecture = new Dictionary<string, string> { ["discriminator"] = Discriminator.ToNativeSpec() },
        Hyperparameters = new Dictionary<string, double>(),
        Onnx = new OnnxFileInfo
        {
            File = "discriminator.onnx", Sha256 = sha, Opset = NetworkOnnxExporter.OpsetVersion, Input = input,
            Outputs = [OnnxTensorNames.Logit, OnnxTensorNames.Features, OnnxTensorNames.AnomalyScore],
        },
        Thresholds =
        [
            new ScoreThreshold { Reason = "abnormal", Output = OnnxTensorNames.AnomalyScore, Value = 0, TargetFpr = 0.01 },
            new ScoreThreshold { Reason = "realness", Output = OnnxTensorNames.Logit, Value = 0, TargetFpr = 0.01 },
        ],
    };
}
