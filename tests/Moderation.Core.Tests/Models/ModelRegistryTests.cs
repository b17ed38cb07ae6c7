using Moderation.Core.Models;

namespace Moderation.Core.Tests.Models;

/// <summary>The registry on a real temporary folder: immutable versions, an atomically replaced pointer.</summary>
public sealed class ModelRegistryTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 4, 15, 0, TimeSpan.Zero);
    private readonly string _root = Directory.CreateTempSubdirectory("registry-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Added_versions_are_named_by_time_and_hash_and_the_pointer_names_the_promoted_one()
    {
        var registry = new ModelRegistry(Path.Combine(_root, "reg"));
        Assert.Null(registry.ReadChampion());
        var source = Model("a", [1, 2, 3]);
        Directory.CreateDirectory(Path.Combine(source, "samples"));
        File.WriteAllBytes(Path.Combine(source, "samples", "vae.png"), [0x89, 0x50]); // a subfolder is copied too
        var a = registry.Add(source, T0);
        Assert.Equal([0x89, 0x50], File.ReadAllBytes(Path.Combine(registry.VersionFolder(a), "samples", "vae.png")));
        var b = registry.Add(Model("b", [4, 5, 6]), T0.AddMinutes(1), move: true);

        // SHA-256 of bytes 01 02 03 starts 039058c6f2c0
        Assert.Equal("20261206T041500Z-039058c6f2c0", a);
        Assert.StartsWith("20261206T041600Z-", b, StringComparison.Ordinal);
        Assert.Equal([a, b], registry.Versions());
        Assert.False(Directory.Exists(Path.Combine(_root, "b")), "a moved folder stays behind");
        Assert.True(Directory.Exists(Path.Combine(_root, "a")), "a copied folder was removed");

        var first = registry.Promote(a, T0.AddMinutes(2));
        var second = registry.Promote(b, T0.AddMinutes(3));
        Assert.Null(first.Previous);
        Assert.Equal(a, second.Previous);
        Assert.Equal(second, registry.ReadChampion());
        Assert.Equal([ModelRegistry.PointerFile], Directory.GetFiles(registry.Root).Select(Path.GetFileName)); // no temp file left
        Assert.Equal("b", ModelCardStore.LoadVerified(registry.VersionFolder(registry.ReadChampion()!.Version)).Card.Name);
    }

    [Fact]
    public void A_tampered_model_is_neither_added_nor_promoted_and_a_version_is_never_overwritten()
    {
        var registry = new ModelRegistry(Path.Combine(_root, "reg"));
        var source = Model("a", [1, 2, 3]);
        var version = registry.Add(source, T0);
        Assert.Throws<IOException>(() => registry.Add(source, T0));

        File.WriteAllBytes(Path.Combine(registry.VersionFolder(version), "discriminator.onnx"), [9, 9, 9]);
        var ex = Assert.Throws<InvalidDataException>(() => registry.Promote(version, T0));
        Assert.Contains("SHA-256", ex.Message, StringComparison.Ordinal);
        Assert.Null(registry.ReadChampion());
        File.WriteAllBytes(Path.Combine(source, "discriminator.onnx"), [7]);
        Assert.Throws<InvalidDataException>(() => registry.Add(source, T0.AddHours(1)));
        Assert.Throws<DirectoryNotFoundException>(() => registry.Promote("20000101T000000Z-000000000000", T0));
        Assert.Throws<ArgumentException>(() => registry.VersionFolder("../escape"));
    }

    [Fact]
    public void A_pointer_that_is_not_json_is_reported_as_invalid_data()
    {
        var registry = new ModelRegistry(_root);
        File.WriteAllText(registry.PointerPath, "{ not json");
        Assert.Throws<InvalidDataException>(() => registry.ReadChampion());
    }

    private string Model(string name, byte[] onnx)
    {
        var folder = Path.Combine(_root, name);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "discriminator.onnx"), onnx);
        ModelCardStore.Save(new ModelCard
        {
            Name = name,
            CreatedAt = T0,
            Dataset = new DatasetInfo { Name = "fashion-mnist", NormalClasses = [1], NormalClassNames = ["Trouser"], TrainImages = 10, CalibrationImages = 2 },
            Architecture = new Dictionary<string, string>(),
            Hyperparameters = new Dictionary<string, double>(),
            Onnx = new OnnxFileInfo { File = "discriminator.onnx", Sha256 = ModelCardStore.Sha256Hex(Path.Combine(folder, "discriminator.onnx")), Opset = 17, Input = "image", Outputs = ["logit"] },
            Thresholds = [],
        }, folder);
        return folder;
    }
}
