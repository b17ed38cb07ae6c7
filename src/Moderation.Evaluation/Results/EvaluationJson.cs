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

    /// <summary>Reads <c>{folder}/evaluation.json</c> and the families' sample grids that
    /// <see cref="Reporting.ReportWriter"/> wrote beside it (<c>samples/</c>; a missing grid is left out).</summary>
    /// <exception cref="FileNotFoundException">The JSON file is missing.</exception>
    /// <exception cref="JsonException">Malformed JSON.</exception>
    public static async Task<EvaluationResult> LoadAsync(string folder, CancellationToken cancellationToken = default)
    {
        var result = Deserialize(await File.ReadAllTextAsync(Path.Combine(folder, FileName), cancellationToken).ConfigureAwait(false));
        var transfer = new List<ClassTransferResult>();
        foreach (var c in result.Transfer)
        {
            var grids = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var f in c.Families)
            {
                var path = Path.Combine(folder, Reporting.TransferReport.GridPath(c.ClassIndex, f.Family));
                if (File.Exists(path)) grids[f.Family] = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            }
            transfer.Add(c with { SampleGrids = grids });
        }
        return result with { Transfer = transfer };
    }
}
