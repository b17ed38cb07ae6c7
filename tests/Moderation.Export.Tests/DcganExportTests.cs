using Moderation.Core.Networks;
using Moderation.Export;
using Moderation.Export.Tests.Support;
using static Moderation.Export.Tests.Support.Sessions;

namespace Moderation.Export.Tests;

/// <summary>The DCGAN networks exported with seeded random parameters, run through ONNX Runtime, and checked against
/// the double-precision C# forward pass and the Linear/Mahalanobis formulas.</summary>
public class DcganExportTests : IDisposable
{
    private const int Pixels = 28 * 28;
    private static readonly NetworkSpec Discriminator = DcganSpecs.Discriminator(width: 8);
    private static readonly Dictionary<string, NamedTensor> DParams = RandomParameters.For(Discriminator, seed: 11);
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData(5)]
    [InlineData(1)]
    public void Discriminator_outputs_match_the_reference_forward_pass(int batch)
    {
        using var session = ExportAndOpen(folder, Discriminator, DParams);
        Assert.Equal([OnnxTensorNames.Image], session.InputNames);
        Assert.Equal([-1L, 1, 28, 28], session.InputShape);
        var images = RandomParameters.Uniform(batch * Pixels, seed: batch);
        var outputs = session.Run(images, batch);
        var logit = outputs.Output(OnnxTensorNames.Logit);
        var features = outputs.Output(OnnxTensorNames.Features);
        var score = outputs.Output(OnnxTensorNames.AnomalyScore);
        var f = Discriminator.FeatureCount;
        Assert.Equal(2 * 8 * 7 * 7, f);
        Assert.Equal([batch, 1], logit.Shape);
        Assert.Equal([batch, f], features.Shape);
        Assert.Equal([batch, 1], score.Shape);

        var w = DParams["6.weight"].Data;
        var b = DParams["6.bias"].Data[0];
        for (var n = 0; n < batch; n++)
        {
            var reference = ReferenceNetwork.Forward(Discriminator, DParams, images.AsSpan(n * Pixels, Pixels));
            var refFeatures = reference[Discriminator.FeatureLayer];
            for (var j = 0; j < f; j++) Assert.Equal(refFeatures[j], features.Data[n * f + j], 1e-4);
            Assert.Equal(reference[^1][0], logit.Data[n], 1e-4);

            // logit = features·Wᵀ + b of the last Linear layer, from ONNX Runtime's own features
            var dot = b + Enumerable.Range(0, f).Sum(j => (double)features.Data[n * f + j] * w[j]);
            Assert.Equal(dot, logit.Data[n], 1e-4);
            Assert.Equal(-logit.Data[n], score.Data[n]);
        }
    }

    [Fact]
    public void Features_of_an_unflattened_feature_layer_are_flattened_in_the_graph()
    {
        // same network, features taken from the LeakyReLU output [16,7,7] instead of the Flatten output [784]
        var at4 = Discriminator with { Name = "d4", FeatureLayer = 4 };
        using var flat = ExportAndOpen(folder, Discriminator, DParams);
        using var shaped = ExportAndOpen(folder, at4, DParams);
        var images = RandomParameters.Uniform(2 * Pixels, seed: 5);
        var a = flat.Run(images, 2, [OnnxTensorNames.Features]).Single();
        var b = shaped.Run(images, 2, [OnnxTensorNames.Features]).Single();
        Assert.Equal(a.Shape, b.Shape);
        Assert.Equal(a.Data, b.Data);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(1)]
    public void Generator_maps_z_to_images_in_the_open_interval_matching_the_reference(int batch)
    {
        var generator = DcganSpecs.Generator(width: 16);
        var parameters = RandomParameters.For(generator, seed: 21);
        using var session = ExportAndOpen(folder, generator, parameters);
        Assert.Equal([OnnxTensorNames.Latent], session.InputNames);
        Assert.Equal([OnnxTensorNames.Image], session.OutputNames);
        var z = RandomParameters.Uniform(batch * DcganSpecs.DefaultLatentSize, seed: 30 + batch, low: -2, high: 2);
        var image = session.Run(z, batch).Single();
        Assert.Equal([batch, 1, 28, 28], image.Shape);
        Assert.All(image.Data, v => Assert.InRange(v, -1f, 1f));
        Assert.DoesNotContain(image.Data, v => v is -1f or 1f);
        Assert.True(image.Data.Distinct().Count() > Pixels / 2, "output is not degenerate");
        for (var n = 0; n < batch; n++)
        {
            var reference = ReferenceNetwork.Forward(generator, parameters, z.AsSpan(n * 100, 100))[^1];
            for (var j = 0; j < Pixels; j++) Assert.Equal(reference[j], image.Data[n * Pixels + j], 1e-4);
        }
    }
}
