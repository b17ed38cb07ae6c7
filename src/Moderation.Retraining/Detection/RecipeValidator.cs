using System.ComponentModel.DataAnnotations;

namespace Moderation.Retraining.Detection;

/// <summary>Checks a <see cref="DetectorRecipe"/> and every recipe inside it (transformation classifier, synthetic
/// classifier, augmentation, zoo and its families) against their DataAnnotations, plus what attributes cannot say:
/// a family's snapshot epochs lie in [1, its epochs] and family names are unique. Called before any training.</summary>
internal static class RecipeValidator
{
    /// <exception cref="ArgumentException">One line per error.</exception>
    public static void ThrowIfInvalid(DetectorRecipe recipe)
    {
        var errors = new List<string>();
        Annotations(recipe, "recipe", errors);
        if (recipe.Transform is { } transform) Annotations(transform, "recipe.transform", errors);
        if (recipe.Synthetic is { } synthetic)
        {
            Annotations(synthetic, "recipe.synthetic", errors);
            Annotations(synthetic.Augmentation, "recipe.synthetic.augmentation", errors);
            if (synthetic.Zoo is { } zoo)
            {
                Annotations(zoo, "recipe.synthetic.zoo", errors);
                foreach (var family in zoo.Families)
                {
                    Annotations(family, $"recipe.synthetic.zoo.{family.Name}", errors);
                    if (family.SnapshotEpochs.Count == 0 || family.SnapshotEpochs.Any(e => e < 1 || e > family.Epochs))
                        errors.Add($"recipe.synthetic.zoo.{family.Name}.SnapshotEpochs [{string.Join(',', family.SnapshotEpochs)}] must be non-empty and lie in [1, {family.Epochs}]");
                }
                foreach (var name in zoo.Families.GroupBy(f => f.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
                    errors.Add($"recipe.synthetic.zoo has two families named {name}");
            }
        }
        if (errors.Count > 0) throw new ArgumentException("invalid detector recipe:\n" + string.Join('\n', errors), nameof(recipe));
    }

    private static void Annotations(object section, string prefix, List<string> errors)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(section, new ValidationContext(section), results, validateAllProperties: true);
        errors.AddRange(results.Select(r => $"{prefix}.{string.Join(',', r.MemberNames)}: {r.ErrorMessage}"));
    }
}
