using Moderation.Core.Networks;

namespace Moderation.Core.Tests.Networks;

public class DihedralTransformsTests
{
    private static readonly float[] Square = [1, 2, 3, 4, 5, 6, 7, 8, 9]; // [[1,2,3],[4,5,6],[7,8,9]]

    private static float[] Apply(float[] image, int t)
    {
        var result = new float[image.Length];
        DihedralTransforms.Apply(image, (int)Math.Sqrt(image.Length), t, result);
        return result;
    }

    [Theory]
    [InlineData(0, new float[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 })]
    [InlineData(1, new float[] { 3, 6, 9, 2, 5, 8, 1, 4, 7 })] // torch.rot90(x, 1): counter-clockwise
    [InlineData(2, new float[] { 9, 8, 7, 6, 5, 4, 3, 2, 1 })]
    [InlineData(3, new float[] { 7, 4, 1, 8, 5, 2, 9, 6, 3 })]
    [InlineData(4, new float[] { 3, 2, 1, 6, 5, 4, 9, 8, 7 })] // mirrored left–right
    [InlineData(5, new float[] { 1, 4, 7, 2, 5, 8, 3, 6, 9 })] // mirror then a quarter turn = transpose
    [InlineData(6, new float[] { 7, 8, 9, 4, 5, 6, 1, 2, 3 })]
    [InlineData(7, new float[] { 9, 6, 3, 8, 5, 2, 7, 4, 1 })]
    public void Each_transform_of_a_3x3_image_has_its_known_layout(int t, float[] expected) =>
        Assert.Equal(expected, Apply(Square, t));

    [Fact]
    public void Four_quarter_turns_are_the_identity_and_the_eight_transforms_of_a_real_image_differ()
    {
        var random = new Random(5);
        var image = Enumerable.Range(0, 28 * 28).Select(_ => (float)random.NextDouble()).ToArray();
        Assert.Equal(image, Apply(Apply(Apply(Apply(image, 1), 1), 1), 1));
        var all = Enumerable.Range(0, DihedralTransforms.Count).Select(t => Apply(image, t)).ToList();
        for (int a = 0; a < all.Count; a++)
            for (int b = a + 1; b < all.Count; b++)
                Assert.NotEqual(all[a], all[b]);
    }

    [Fact]
    public void A_batch_is_transformed_image_by_image()
    {
        var batch = Square.Concat(Square.Select(v => v * 10)).ToArray();
        var result = DihedralTransforms.ApplyAll(batch, 2, 3, 1);
        Assert.Equal(Apply(Square, 1).Concat(Apply(Square, 1).Select(v => v * 10)), result);
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DihedralTransforms.Apply(Square, 3, 8, new float[9]));
        Assert.Throws<ArgumentException>(() => DihedralTransforms.Apply(Square, 3, 0, new float[8]));
        Assert.Throws<ArgumentException>(() => DihedralTransforms.ApplyAll(Square, 2, 3, 0));
    }
}
