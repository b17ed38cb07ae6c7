using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moderation.Core.Contracts;
using Moderation.Core.Imaging;
using Moderation.Tools.Imaging;

namespace Moderation.Imaging.Tests.DependencyInjection;

public sealed class ImagingServiceCollectionExtensionsTests
{
    [Fact]
    public void Resolves_one_preprocessor_configured_from_the_imaging_section()
    {
        using ServiceProvider provider = Services(("Imaging:Size", "32"), ("Imaging:MaxEncodedBytes", "4096"))
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        IImagePreprocessor preprocessor = provider.GetRequiredService<IImagePreprocessor>();

        Assert.IsType<ImagePreprocessor>(preprocessor);
        Assert.Same(preprocessor, provider.GetRequiredService<IImagePreprocessor>());
        Assert.Equal(32, preprocessor.Size);
        Assert.Equal(4096, provider.GetRequiredService<IOptions<ImagingOptions>>().Value.MaxEncodedBytes);

        // The bound limits are the ones in force: a real 28×28 PNG passes, 4097+ bytes are refused.
        float[] tensor = new float[32 * 32];
        preprocessor.Preprocess(ImageEncoder.EncodePng(TestData.Smooth(28, 28), 28, 28), "image/png", tensor);
        Assert.All(tensor, v => Assert.InRange(v, -1f, 1f));
        byte[] noise = ImageEncoder.EncodePng(TestData.Noise(80, 80, seed: 3), 80, 80);
        Assert.True(noise.Length > 4096);
        Assert.Equal(DeadLetterReasons.TooLarge, TestData.Rejects(() => preprocessor.Preprocess(noise, null, tensor)).Reason);
    }

    [Fact]
    public void Without_an_imaging_section_the_documented_defaults_apply()
    {
        using ServiceProvider provider = Services().BuildServiceProvider();

        ImagingOptions options = provider.GetRequiredService<IOptions<ImagingOptions>>().Value;

        Assert.Equal(28, provider.GetRequiredService<IImagePreprocessor>().Size);
        Assert.Equal((10 * 1024 * 1024, 4096L * 4096L, 16384), (options.MaxEncodedBytes, options.MaxPixels, options.MaxSide));
    }

    [Fact]
    public void Registering_twice_keeps_one_preprocessor_registration()
    {
        IServiceCollection services = Services();
        services.AddModerationImaging(Configuration());

        Assert.Single(services, d => d.ServiceType == typeof(IImagePreprocessor));
    }

    [Fact]
    public void Out_of_range_options_fail_on_resolution_with_the_member_named()
    {
        using ServiceProvider provider = Services(("Imaging:Size", "0")).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(provider.GetRequiredService<IImagePreprocessor>);

        Assert.Contains(nameof(ImagingOptions.Size), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_of_range_options_stop_the_host_from_starting()
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Imaging:MaxPixels"] = "268435457" });
        builder.Services.AddModerationImaging(builder.Configuration);
        using IHost host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(CancellationToken.None));

        Assert.Contains(nameof(ImagingOptions.MaxPixels), error.Message, StringComparison.Ordinal);
    }

    private static IServiceCollection Services(params (string Key, string Value)[] settings) =>
        new ServiceCollection().AddModerationImaging(Configuration(settings));

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
}
