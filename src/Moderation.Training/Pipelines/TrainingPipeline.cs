using System.Text.Json;
using System.Text.Json.Serialization;

namespace Moderation.Training.Pipelines;

/// <summary>
/// A training pipeline file (<c>pipelines/*.json</c>): what to train on, how, and where the model goes. Example:
/// <c>pipelines/fashion-trouser.json</c>. Load with <see cref="Load"/>, which validates every field.
/// </summary>
public sealed record TrainingPipeline
{
    /// <summary>The default pipeline, relative to the repository root.</summary>
    public const string DefaultFile = "pipelines/fashion-trouser.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
    };

    /// <summary>Pipeline and model name: lower-case letters, digits and '-', e.g. <c>fashion-trouser</c>; required.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>The normal images; required.</summary>
    [JsonPropertyName("dataset")]
    public PipelineDataset? Dataset { get; init; }

    /// <summary>Training and calibration settings; every field has a default.</summary>
    [JsonPropertyName("hyperparameters")]
    public TrainingHyperparameters Hyperparameters { get; init; } = new();

    /// <summary>Folder that receives the exported model, e.g. <c>models/fashion-trouser</c>; required. Relative paths
    /// resolve against the current directory.</summary>
    [JsonPropertyName("outputFolder")]
    public string OutputFolder { get; init; } = "";

    /// <summary>The promotion gate of <c>moderation retrain</c>; null = its defaults (<see cref="PipelinePromotion"/>).
    /// <c>train</c> ignores it.</summary>
    [JsonPropertyName("promotion")]
    public PipelinePromotion? Promotion { get; init; }

    /// <summary>Normal images added for this run (not part of the file), e.g. dismissed false positives; null = none.</summary>
    [JsonIgnore]
    public ExtraNormalImages? ExtraNormal { get; init; }

    /// <summary>Reads and validates a pipeline file.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="PipelineValidationException">Malformed JSON, an unknown field, a wrong type, or invalid values;
    /// each error names its field.</exception>
    public static TrainingPipeline Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"no pipeline file at {path}", path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses and validates pipeline JSON.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="source">Where it came from, for messages.</param>
    /// <exception cref="PipelineValidationException">See <see cref="Load"/>.</exception>
    public static TrainingPipeline Parse(string json, string source = "(inline)")
    {
        ArgumentNullException.ThrowIfNull(json);
        TrainingPipeline? pipeline;
        try
        {
            pipeline = JsonSerializer.Deserialize<TrainingPipeline>(json, Json);
        }
        catch (JsonException e)
        {
            var field = e.Path is null or "$" ? "(root)" : e.Path.TrimStart('$', '.');
            throw new PipelineValidationException(source, [$"{field}: {e.Message}"], e);
        }
        if (pipeline is null) throw new PipelineValidationException(source, ["(root): the file holds null"]);
        var errors = PipelineValidator.Validate(pipeline);
        if (errors.Count > 0) throw new PipelineValidationException(source, errors);
        return pipeline;
    }

    /// <summary>The pipeline as indented JSON (the format <see cref="Parse"/> reads).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
