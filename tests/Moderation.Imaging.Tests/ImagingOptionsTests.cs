using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Moderation.Imaging.Tests;

public sealed class ImagingOptionsTests
{
    [Fact]
    public void Defaults_match_the_documented_limits()
    {
        var options = new ImagingOptions();

        Assert.Equal(10 * 1024 * 1024, options.MaxEncodedBytes);
        Assert.Equal(16_777_216, options.MaxPixels);
        Assert.Equal(16384, options.MaxSide);
        Assert.Equal(28, options.Size);
        Assert.True(options.VerifyJpegData);
        options.Validate();
    }

    [Fact]
    public void Binds_from_the_imaging_section()
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Imaging:MaxEncodedBytes"] = "2048",
                ["Imaging:MaxPixels"] = "1000000",
                ["Imaging:MaxSide"] = "2000",
                ["Imaging:Size"] = "32",
            })
            .Build();

        ImagingOptions options = configuration.GetSection(ImagingOptions.SectionName).Get<ImagingOptions>()!;

        Assert.Equal((2048, 1_000_000L, 2000, 32), (options.MaxEncodedBytes, options.MaxPixels, options.MaxSide, options.Size));
    }

    [Theory]
    [InlineData(0, 1, 1, 28)]
    [InlineData(1, 0, 1, 28)]
    [InlineData(1, 268_435_457, 1, 28)]
    [InlineData(1, 1, 0, 28)]
    [InlineData(1, 1, 1, 0)]
    [InlineData(1, 1, 1, 1025)]
    public void Out_of_range_values_fail_validation_and_construction(int maxBytes, long maxPixels, int maxSide, int size)
    {
        var options = new ImagingOptions { MaxEncodedBytes = maxBytes, MaxPixels = maxPixels, MaxSide = maxSide, Size = size };

        Assert.Throws<ValidationException>(options.Validate);
        Assert.Throws<ValidationException>(() => new ImagePreprocessor(options));
    }

    [Fact]
    public void Later_changes_to_the_options_do_not_affect_a_preprocessor()
    {
        var options = new ImagingOptions();
        var preprocessor = new ImagePreprocessor(options);

        options.Size = 64;
        options.MaxPixels = 1;

        Assert.Equal(28, preprocessor.Size);
        preprocessor.Preprocess(TestData.Fixture("gray8.png"), null, new float[28 * 28]);
    }
}
