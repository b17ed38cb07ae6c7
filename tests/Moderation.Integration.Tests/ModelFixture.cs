using Microsoft.Extensions.Logging.Abstractions;
using Moderation.Core.Metrics;
using Moderation.Core.Models;
using Moderation.Core.Networks;
using Moderation.Export;
using Moderation.Training.Data;
using Moderation.Training.Gan;
using Moderation.Training.Torch;

namespace Moderation.Integration.Tests;

/// <summary>
/// A small but real model folder for tests: a DCGAN (narrow widths) trained for a few TorchSharp steps on Fashion-MNIST
/// trousers so BatchNorm has non-trivial running statistics, exported to ONNX with a model card whose threshold is
/// calibrated at 1% FPR on held-out trousers. Built once per test run.
/// </summary>
public sealed class ModelFixture : IDisposable
{
    public ModelFixture()
    {
        Folder = Directory.CreateTempSubdirectory("moderation-model-").FullName;
        TorchRuntime.SetThreads(2);
        var train = FashionMnist.LoadTrain().WhereClass([1]);
        Images = train.ToTensor();
        Generator = TorchNetwork.Create(DcganSpecs.Generator(width: 32), 1);
        Discriminator = TorchNetwork.Create(DcganSpecs.Discriminator(width: 16), 2);
        using (var optimizer = new GanOptimizer(Generator, Discriminator, 2e-4, 0.5, 0.999, 3))
            for (int step = 0; step < 12; step++)
                optimizer.Step(Images.AsSpan(step * 64 * 784, 64 * 784), 64);

        var dPath = Path.Combine(Folder, "discriminator.onnx");
        var sha = NetworkOnnxExporter.Export(Discriminator.Spec, ByName(Discriminator), dPath, new OnnxExportOptions());
        NetworkOnnxExporter.Export(Generator.Spec, ByName(Generator), Path.Combine(Folder, "generator.onnx"), new OnnxExportOptions());
        // Calibrate on 600 trousers the networks never saw (training used the first 768).
        var calibration = Images.AsSpan(1000 * 784, 600 * 784).ToArray();
        var logits = Discriminator.Forward(calibration, 600).Output;
        Threshold = ThresholdCalibrator.AtFalsePositiveRate(logits.Select(l => -(double)l).ToArray(), 0.01);
        ModelCardStore.Save(new ModelCard
        {
            Name = "test-trouser",
            CreatedAt = DateTimeOffset.UnixEpoch,
            Dataset = new DatasetInfo { Name = "fashion-mnist", NormalClasses = [1], NormalClassNames = ["Trouser"], TrainImages = 768, CalibrationImages = 600 },
            Architecture = new Dictionary<string, string> { ["discriminator"] = Discriminator.Spec.ToNativeSpec(), ["generator"] = Generator.Spec.ToNativeSpec() },
            Hyperparameters = new Dictionary<string, double> { ["steps"] = 12 },
            Onnx = new OnnxFileInfo { File = "discriminator.onnx", Sha256 = sha, Opset = 17, Input = "image", Outputs = ["logit", "features", "anomaly_score"] },
            Thresholds = [new ScoreThreshold { Reason = "abnormal", Output = "anomaly_score", Value = Threshold, TargetFpr = 0.01 }],
        }, Folder);
    }

    public string Folder { get; }
    public float[] Images { get; }
    public TorchNetwork Generator { get; }
    public TorchNetwork Discriminator { get; }
    public double Threshold { get; }

    public void Dispose()
    {
        Generator.Dispose();
        Discriminator.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    private static Dictionary<string, NamedTensor> ByName(TorchNetwork network) =>
        network.Parameters().ToDictionary(p => p.Name, StringComparer.Ordinal);
}
