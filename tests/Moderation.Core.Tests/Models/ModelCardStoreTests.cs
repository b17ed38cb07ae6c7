using Moderation.Core.Models;

namespace Moderation.Core.Tests.Models;

public sealed class ModelCardStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("card-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private ModelCard WriteModel(byte[] onnxBytes)
    {
        File.WriteAllBytes(Path.Combine(_folder, "discriminator.onnx"), onnxBytes);
        var card = new ModelCard
        {
            Name = "test",
            CreatedAt = DateTimeOffset.UnixEpoch,
            Dataset = new DatasetInfo { Name = "fashion-mnist", NormalClasses = [1], NormalClassNames = ["Trouser"], TrainImages = 10, CalibrationImages = 2 },
            Architecture = new Dictionary<string, string> { ["discriminator"] = "input 1 28 28" },
            Hyperparameters = new Dictionary<string, double> { ["seed"] = 1 },
            Onnx = new OnnxFileInfo { File = "discriminator.onnx", Sha256 = ModelCardStore.Sha256Hex(Path.Combine(_folder, "discriminator.onnx")), Opset = 17, Input = "image", Outputs = ["logit"] },
            Thresholds = [new ScoreThreshold { Reason = "abnormal", Output = "anomaly_score", Value = 1.5, TargetFpr = 0.01 }],
        };
        ModelCardStore.Save(card, _folder);
        return card;
    }

    [Fact]
    public void Sha256_of_abc_matches_FIPS_180_2_example()
    {
        var path = Path.Combine(_folder, "abc");
        File.WriteAllText(path, "abc");
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ModelCardStore.Sha256Hex(path));
    }

    [Fact]
    public void Round_trips_and_verifies_the_onnx_hash()
    {
        var written = WriteModel([1, 2, 3]);
        var (card, onnxPath) = ModelCardStore.LoadVerified(_folder);
        Assert.Equal(written.Onnx.Sha256, card.Onnx.Sha256);
        Assert.Equal(1.5, card.Thresholds[0].Value);
        Assert.True(double.IsNaN(card.Thresholds[0].RealisedFpr));
        Assert.Equal(Path.Combine(_folder, "discriminator.onnx"), onnxPath);
    }

    [Fact]
    public void Refuses_a_tampered_onnx_file()
    {
        WriteModel([1, 2, 3]);
        File.WriteAllBytes(Path.Combine(_folder, "discriminator.onnx"), [1, 2, 4]);
        var error = Assert.Throws<InvalidDataException>(() => ModelCardStore.LoadVerified(_folder));
        Assert.Contains("refusing to load", error.Message);
    }

    [Fact]
    public void Missing_card_is_a_clear_error() =>
        Assert.Throws<FileNotFoundException>(() => ModelCardStore.LoadVerified(_folder));
}
