using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Moderation.Training.Pipelines;

/// <summary>Checks a <see cref="TrainingPipeline"/>: DataAnnotations on the hyperparameters plus the cross-field
/// rules. Every message starts with the field's JSON path.</summary>
internal static partial class PipelineValidator
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex NamePattern();

    public static IReadOnlyList<string> Validate(TrainingPipeline pipeline)
    {
        var errors = new List<string>();
        if (!NamePattern().IsMatch(pipeline.Name))
            errors.Add($"name must be lower-case letters, digits and '-' (got '{pipeline.Name}')");
        if (string.IsNullOrWhiteSpace(pipeline.OutputFolder)) errors.Add("outputFolder is required");
        if (pipeline.Hyperparameters is null) errors.Add("hyperparameters must not be null");
        else Annotations(pipeline.Hyperparameters, "hyperparameters", errors);

        if (pipeline.Promotion is { } promotion)
        {
            Annotations(promotion, "promotion", errors);
            if (pipeline.Dataset is { Kind: PipelineDataset.FolderKind } && string.IsNullOrWhiteSpace(promotion.HeldOutNormalPath))
                errors.Add("promotion.heldOutNormalPath is required for a 'folder' data set (normal images the challenger never trains on)");
        }

        var dataset = pipeline.Dataset;
        if (dataset is null)
        {
            errors.Add("dataset is required");
            return errors;
        }
        switch (dataset.Kind)
        {
            case PipelineDataset.FashionMnistKind:
                var classes = dataset.NormalClasses ?? [];
                if (classes.Count == 0) errors.Add("dataset.normalClasses must name at least one class 0–9 for fashion-mnist");
                foreach (var c in classes.Where(c => c is < 0 or > 9).Distinct())
                    errors.Add($"dataset.normalClasses: {c} is not a Fashion-MNIST class 0–9");
                if (classes.Distinct().Count() != classes.Count) errors.Add("dataset.normalClasses lists a class twice");
                if (classes.Count == 10) errors.Add("dataset.normalClasses names all 10 classes, leaving no anomalies");
                break;
            case PipelineDataset.FolderKind:
                if (string.IsNullOrWhiteSpace(dataset.Path)) errors.Add("dataset.path is required for kind 'folder'");
                break;
            default:
                errors.Add($"dataset.kind must be '{PipelineDataset.FashionMnistKind}' or '{PipelineDataset.FolderKind}' (got '{dataset.Kind}')");
                break;
        }
        return errors;
    }

    /// <summary>The DataAnnotations errors of a hyperparameters section, prefixed <c>hyperparameters.</c>.</summary>
    public static IReadOnlyList<string> ValidateHyperparameters(TrainingHyperparameters hyperparameters)
    {
        var errors = new List<string>();
        Annotations(hyperparameters, "hyperparameters", errors);
        return errors;
    }

    private static void Annotations(object section, string prefix, List<string> errors)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(section, new ValidationContext(section), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var member = result.MemberNames.FirstOrDefault() ?? "";
            var property = section.GetType().GetProperty(member);
            var json = property?.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? member;
            errors.Add($"{prefix}.{json} {result.ErrorMessage} (got {property?.GetValue(section)})");
        }
    }
}
