using Moderation.Training.Data;

namespace Moderation.Training.Tests.Data;

public sealed class LabelledImagesTests
{
    [Fact]
    public void WhereClassKeepsOnlyThatClassInOrder()
    {
        var trousers = TestData.Train.WhereClass([1]);
        Assert.Equal(6_000, trousers.Count);
        Assert.All(trousers.Labels, l => Assert.Equal(1, l));
        int firstTrouser = Array.IndexOf(TestData.Train.Labels, (byte)1);
        Assert.True(trousers.Image(0).SequenceEqual(TestData.Train.Image(firstTrouser)));
    }

    [Fact]
    public void ToTensorMapsBytesLinearlyOntoMinusOneToOne()
    {
        var images = new LabelledImages([0, 255, 51, 204], [0], 2, 2);
        var tensor = images.ToTensor();
        Assert.Equal([-1f, 1f, 51 / 127.5f - 1, 204 / 127.5f - 1], tensor);
        Assert.All(TestData.Train.Select([0, 1]).ToTensor(), v => Assert.InRange(v, -1f, 1f));
    }

    [Fact]
    public void MismatchedLengthsAreRejected() =>
        Assert.Throws<ArgumentException>(() => new LabelledImages(new byte[10], new byte[1], 2, 2));

    [Fact]
    public void SelectRejectsIndicesOutsideTheSet() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LabelledImages(new byte[4], new byte[1], 2, 2).Select([1]));
}
