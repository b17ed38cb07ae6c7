using Moderation.Retraining.Detection;
using Moderation.Retraining.Zoo;

namespace Moderation.Retraining.Tests.Detection;

public sealed class RecipeValidatorTests
{
    [Fact]
    public void The_default_recipe_and_the_tests_tiny_zoo_are_valid()
    {
        RecipeValidator.ThrowIfInvalid(DetectorRecipe.Default);
        RecipeValidator.ThrowIfInvalid(DetectorRecipe.Default with { Synthetic = new SyntheticRecipe { Zoo = TinyZoo.Recipe } });
    }

    [Fact]
    public void Errors_inside_nested_recipes_are_named_before_any_training()
    {
        var zoo = ZooRecipe.Default with
        {
            Families = [.. ZooRecipe.Default.Families.Select(f => f.Name == "vae" ? f with { SnapshotEpochs = [9] } : f), ZooRecipe.Default.Families[0]],
        };
        var recipe = DetectorRecipe.Default with
        {
            Synthetic = new SyntheticRecipe { BatchSize = 1, Zoo = zoo, Augmentation = new AugmentationRecipe { BlurProbability = 2 } },
        };
        var error = Assert.Throws<ArgumentException>(() => RecipeValidator.ThrowIfInvalid(recipe));
        Assert.Contains("recipe.synthetic.BatchSize", error.Message, StringComparison.Ordinal);
        Assert.Contains("recipe.synthetic.augmentation.BlurProbability", error.Message, StringComparison.Ordinal);
        Assert.Contains("recipe.synthetic.zoo.vae.SnapshotEpochs [9] must be non-empty and lie in [1, 4]", error.Message, StringComparison.Ordinal);
        Assert.Contains($"two families named {ZooRecipe.Default.Families[0].Name}", error.Message, StringComparison.Ordinal);
    }
}
