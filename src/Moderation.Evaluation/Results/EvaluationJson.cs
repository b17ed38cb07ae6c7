using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Moderation.Evaluation.Results;

/// <summary>Reads and writes <c>evaluation.json</c> (System.Text.Json, indented, UTF-8 text unescaped; NaN and ±∞ as the strings
/// <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>).</summary>
public static class EvaluationJson
{
    /// <summary>File name inside a report folder.</summary>
    public const string FileName = "evaluation.json";

    /// <summary>The serializer options used for <c>evaluation.json</c>.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        // a file, never embedded in HTML: keep ' and non-ASCII readable
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serialises <paramref name="result"/> to indented JSON.</summary>
    public static string Serialize(EvaluationResult result) => JsonSerializer.Serialize(result, Options);

    /// <summary>Parses JSON written by <see cref="Serialize"/>.</summary>
    /// <exception cref="JsonException">Malformed JSON or a required property is missing.</exception>
    /// <exception cref="InvalidDataException">The JSON is <c>null</c> or has a newer schema version.</exception>
    public static EvaluationResult Deserialize(string json)
    {
        var result = JsonSerializer.Deserialize<EvaluationResult>(json, Options) ?? throw new InvalidDataException("evaluation JSON is null");
        if (result.SchemaVersion > EvaluationResult.CurrentSchemaVersion)
            throw new InvalidDataException($"evaluation JSON has schema version {result.SchemaVersion}; this code reads up to {EvaluationResult.CurrentSchemaVersion}");
        return result;
    }

    /// <summary>Reads <c>{folder}/evaluation.json</c>.</summary>
    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    /// <exception cref="JsonException">Malformed JSON.</exception>
    public static async Task<EvaluationResult> LoadAsync(string folder, CancellationToken cancellationToken = default) =>
        Deserialize(await File.ReadAllTextAsync(Path.Combine(folder, FileName), cancellationToken).ConfigureAwait(false));
}
