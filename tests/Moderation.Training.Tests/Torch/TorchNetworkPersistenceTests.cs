using Moderation.Core.Networks;
using Moderation.Training.Torch;

namespace Moderation.Training.Tests.Torch;

public sealed class TorchNetworkPersistenceTests
{
    [Fact]
    public void SaveThenLoadGivesIdenticalTensorsAndForward()
    {
        using var folder = new TempFolder();
        var images = TestData.Trousers(8);
        using var saved = TorchNetwork.Create(DcganSpecs.Discriminator(), 1);
        saved.Forward(images, 8, train: true); // move the BatchNorm running statistics away from their defaults
        saved.Save(folder.File("d.pt"));

        using var loaded = TorchNetwork.Create(DcganSpecs.Discriminator(), 2);
        Assert.NotEqual(saved.Forward(images, 8).Output, loaded.Forward(images, 8).Output);
        loaded.Load(folder.File("d.pt"));

        Assert.All(saved.Parameters().Zip(loaded.Parameters()), pair =>
        {
            Assert.Equal(pair.First.Name, pair.Second.Name);
            Assert.Equal(pair.First.Data, pair.Second.Data);
        });
        var expected = saved.Forward(images, 8, tapLayer: 5);
        var actual = loaded.Forward(images, 8, tapLayer: 5);
        Assert.Equal(expected.Output, actual.Output);
        Assert.Equal(expected.Tap, actual.Tap);
    }

    [Fact]
    public void LoadingAnotherArchitectureFailsAndLeavesTheNetworkUnchanged()
    {
        using var folder = new TempFolder();
        using (var wide = TorchNetwork.Create(DcganSpecs.Discriminator(width: 32), 1))
            wide.Save(folder.File("wide.pt"));
        using var d = TorchNetwork.Create(DcganSpecs.Discriminator(), 1);
        var before = d.Parameters();

        var e = Assert.Throws<TorchException>(() => d.Load(folder.File("wide.pt")));

        Assert.Contains("'0.weight' has shape [32, 1, 4, 4], this network has [64, 1, 4, 4]", e.Message);
        Assert.All(before.Zip(d.Parameters()), pair => Assert.Equal(pair.First.Data, pair.Second.Data));
    }

    [Fact]
    public void LoadingAMissingOrCorruptFileThrowsTorchException()
    {
        using var folder = new TempFolder();
        using var d = TorchNetwork.Create(DcganSpecs.Discriminator(), 1);
        var missing = Assert.Throws<TorchException>(() => d.Load(folder.File("missing.pt")));
        Assert.Equal(TorchErrorKind.Torch, missing.Kind);
        Assert.Contains("missing.pt", missing.Message);

        File.WriteAllText(folder.File("corrupt.pt"), "not a torch archive");
        Assert.Throws<TorchException>(() => d.Load(folder.File("corrupt.pt")));
    }
}
