using Moderation.Core.Networks;
using Moderation.Export.Detector;
using Moderation.Retraining.Detection;

namespace Moderation.Retraining.Tests.Detection;

public sealed class DetectorRecipeTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Default_terms_tap_the_discriminators_two_leaky_relus_with_or_without_batch_norm(bool batchNorm)
    {
        var d = DcganSpecs.Discriminator(8, batchNorm);
        var taps = DetectorRecipe.DefaultTermsFor(batchNorm)
            .Select(t => t.Tap)
            .Where(t => t.Network == TapNetwork.Discriminator && t.Layer != FeatureTap.Input)
            .ToList();

        Assert.Equal(2, taps.Count);
        Assert.All(taps, t => Assert.Equal(new ActivationSpec(ActivationKind.LeakyRelu, 0.2), d.Layers[t.Layer]));
        Assert.Equal([8, 14, 14], d.LayerOutputShapes()[taps[0].Layer]);
        Assert.Equal([16, 7, 7], d.LayerOutputShapes()[taps[1].Layer]);
    }

    [Fact]
    public void The_default_recipe_keeps_the_dcgan_discriminator_for_the_generator_and_reads_a_batch_norm_free_one()
    {
        Assert.True(DetectorRecipe.Default.DiscriminatorBatchNorm);
        Assert.False(DetectorRecipe.Default.FeatureDiscriminatorBatchNorm);
        Assert.True(DetectorRecipe.Default.SeparateFeatureGan);
        Assert.Equal(DetectorRecipe.DefaultTermsFor(batchNorm: false), DetectorRecipe.Default.Terms);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void When_both_discriminators_agree_one_gan_serves_and_the_terms_follow_its_layers(bool batchNorm)
    {
        var recipe = DetectorRecipe.Default with { DiscriminatorBatchNorm = batchNorm, FeatureDiscriminatorBatchNorm = batchNorm };

        Assert.False(recipe.SeparateFeatureGan);
        Assert.Equal(DetectorRecipe.DefaultTermsFor(batchNorm), recipe.Terms);
        Assert.Equal(DetectorRecipe.DiscriminatorTerms, (recipe with { Terms = DetectorRecipe.DiscriminatorTerms }).Terms);
    }
}
