namespace Moderation.Imaging.Tests.Codecs;

/// <summary>Compares a decoded image with a pattern's expected values.</summary>
internal static class FixtureAssert
{
    /// <summary>Half a gray level plus the fixed-point luma's worst-case error (about 0.003): the decoder rounds once.</summary>
    public const double Rounded = 0.51;

    public static (double Max, double Mean) Errors(GrayImage image, Func<int, int, double> expected)
    {
        Assert.Equal(FixturePatterns.Width, image.Width);
        Assert.Equal(FixturePatterns.Height, image.Height);
        double max = 0, sum = 0;
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                double error = Math.Abs(image[x, y] - expected(x, y));
                max = Math.Max(max, error);
                sum += error;
            }
        }

        return (max, sum / (image.Width * image.Height));
    }

    public static void Matches(GrayImage image, Func<int, int, double> expected, double maxError, double meanError = double.MaxValue)
    {
        (double max, double mean) = Errors(image, expected);
        Assert.True(max <= maxError, $"max |error| {max:F3} > {maxError}");
        Assert.True(mean <= meanError, $"mean |error| {mean:F3} > {meanError}");
    }

    public static Func<int, int, double> Pattern(string name) => name switch
    {
        "gray" => FixturePatterns.ExpectedGray,
        "rgb" => FixturePatterns.ExpectedRgb,
        "graya" => FixturePatterns.ExpectedGrayAlpha,
        "rgba" => FixturePatterns.ExpectedRgba,
        "palette" => FixturePatterns.ExpectedPalette,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
