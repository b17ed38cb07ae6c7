using Moderation.Retraining.Zoo;

namespace Moderation.Retraining.Tests.Zoo;

public sealed class SampleGridTests
{
    [Fact]
    public void A_grid_of_8_bit_images_reads_back_exactly_and_a_short_one_is_padded_black()
    {
        var random = new Random(3);
        var images = Enumerable.Range(0, 7 * 784).Select(_ => random.Next(256) / 127.5f - 1).ToArray();
        var png = SampleGrid.Png(images, 7, columns: 4, rows: 2);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);

        var tiles = SampleGrid.Read(png, columns: 4, rows: 2);
        Assert.Equal(images, tiles[..(7 * 784)]);
        Assert.All(tiles[(7 * 784)..], v => Assert.Equal(-1f, v)); // the eighth tile: black
    }

    [Fact]
    public void A_grid_of_another_size_or_not_an_image_is_refused()
    {
        var png = SampleGrid.Png(new float[784], 1, columns: 2, rows: 1);
        Assert.Throws<InvalidDataException>(() => SampleGrid.Read(png, columns: 3, rows: 1));
        Assert.Throws<InvalidDataException>(() => SampleGrid.Read([1, 2, 3, 4], columns: 2, rows: 1));
    }
}
