using Moderation.Core.Models;
using Moderation.Core.Networks;
using Moderation.Export;
using Moderation.Training.Torch;

namespace Moderation.Integration.Tests.HotSwap;

/// <summary>A model registry in a temporary folder whose champion is <paramref name="championFolder"/>, and the
/// other models the swap tests promote: the shipped model, and a discriminator that takes 32×32 images.</summary>
internal sealed class RegistryFixture : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 5, 0, 0, TimeSpan.Zero);

    public RegistryFixture(string championFolder)
    {
        Registry = new ModelRegistry(Directory.CreateTempSubdirectory("moderation-registry-").FullName);
        Champion = Registry.Add(championFolder, T0);
        Registry.Promote(Champion, T0);
    }

    public ModelRegistry Registry { get; }

    /// <summary>The first champion's registry version.</summary>
    public string Champion { get; }

    /// <summary>The repository's <c>models/fashion-trouser</c>.</summary>
    public static string ShippedFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "models", "fashion-trouser");
                if (File.Exists(Path.Combine(candidate, ModelCardStore.FileName))) return candidate;
            }

            throw new DirectoryNotFoundException("models/fashion-trouser not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Adds <paramref name="folder"/> as a version (not promoted).</summary>
    public string Add(string folder, int minutes) => Registry.Add(folder, T0.AddMinutes(minutes));

    /// <summary>A real, loadable discriminator (random weights, one convolution) whose ONNX input is <c>[N,1,32,32]</c>,
    /// with a valid card: everything checks out except the shape the service's pre-processor produces (28).</summary>
    public static string WrongShapeModel()
    {
        var folder = Directory.CreateTempSubdirectory("moderation-model-32-").FullName;
        var spec = new NetworkSpec("discriminator", [1, 32, 32],
        [
            new Conv2dSpec(1, 8, 4, 2, 1, Bias: false),
            new ActivationSpec(ActivationKind.LeakyRelu, 0.2),
            new FlattenSpec(),
            new LinearSpec(8 * 16 * 16, 1, Bias: true),
        ], FeatureLayer: 2);
        using var network = TorchNetwork.Create(spec, 3);
        var sha = NetworkOnnxExporter.Export(spec, network.Parameters().ToDictionary(p => p.Name, StringComparer.Ordinal),
            Path.Combine(folder, "discriminator.onnx"), new OnnxExportOptions());
        ModelCardStore.Save(new ModelCard
        {
            Name = "test-trouser-32",
            CreatedAt = T0,
            Dataset = new DatasetInfo { Name = "fashion-mnist", NormalClasses = [1], NormalClassNames = ["Trouser"], TrainImages = 0, CalibrationImages = 0 },
            Architecture = new Dictionary<string, string> { ["discriminator"] = spec.ToNativeSpec() },
            Hyperparameters = new Dictionary<string, double>(),
            Onnx = new OnnxFileInfo { File = "discriminator.onnx", Sha256 = sha, Opset = 17, Input = "image", Outputs = ["logit", "features", "anomaly_score"] },
            Thresholds = [new ScoreThreshold { Reason = "abnormal", Output = "anomaly_score", Value = 0, TargetFpr = 0.01 }],
        }, folder);
        return folder;
    }

    public void Dispose() => Directory.Delete(Registry.Root, recursive: true);
}
