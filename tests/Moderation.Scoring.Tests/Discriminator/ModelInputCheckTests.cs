using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moderation.Core.Scoring;
using Moderation.Imaging;
using Moderation.Scoring.Discriminator;
using Moderation.Scoring.Tests.Support;

namespace Moderation.Scoring.Tests.Discriminator;

/// <summary>The model's input shape (from its ONNX metadata) against <c>Imaging:Size</c>, checked when the host starts.</summary>
public sealed class ModelInputCheckTests
{
    [Fact]
    public async Task A_host_whose_Imaging_Size_differs_from_the_models_input_fails_to_start_with_a_clear_message()
    {
        using var host = Build("32");
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());
        Assert.Contains("[1,28,28]", ex.Message);
        Assert.Contains("Imaging:Size = 32", ex.Message);
        Assert.Contains("set Imaging:Size to 28", ex.Message);
    }

    [Fact]
    public async Task A_host_whose_Imaging_Size_matches_starts_and_scores_with_the_model_it_loaded()
    {
        using var host = Build("28");
        await host.StartAsync();
        var scorer = host.Services.GetRequiredService<IBatchScorer>();
        Assert.Equal([1, 28, 28], scorer.ImageShape);
        Assert.Equal(3, scorer.Score(TestModels.Images(1, seed: 1), 1).Length); // abnormal, degenerate, synthetic
        await host.StopAsync();
    }

    [Fact]
    public void A_model_with_another_channel_count_is_named_in_the_message()
    {
        var scorer = new ShapeOnly([3, 28, 28]);
        var ex = Assert.Throws<InvalidOperationException>(() => ModelInputCheck.EnsureMatches(scorer, new ImagePreprocessor()));
        Assert.Contains("[3,28,28]", ex.Message);
        Assert.Contains("one-channel", ex.Message);
    }

    private static IHost Build(string size)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Imaging:Size"] = size,
            ["Model:Folder"] = TestModels.ShippedFolder,
            ["Onnx:IntraOpThreads"] = "1",
        });
        builder.Services.AddModerationImaging(builder.Configuration);
        builder.Services.AddModerationScoring(builder.Configuration);
        return builder.Build();
    }

    private sealed class ShapeOnly(int[] shape) : IBatchScorer
    {
        public IReadOnlyList<string> ScoreNames { get; } = ["abnormal"];

        public IReadOnlyList<int> ImageShape => shape;

        public float[] Score(ReadOnlySpan<float> images, int count) => throw new NotSupportedException();

        public void Dispose()
        {
        }
    }
}
