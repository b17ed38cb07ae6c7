using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Moderation.Core.Models;

/// <summary>Reads and writes <c>model-card.json</c> and verifies the ONNX file it names.</summary>
public static class ModelCardStore
{
    /// <summary>File name of the card inside a model folder.</summary>
    public const string FileName = "model-card.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes <paramref name="card"/> to <c>{folder}/model-card.json</c>.</summary>
    public static void Save(ModelCard card, string folder) =>
        File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(card, Json));

    /// <summary>
    /// Loads the card in <paramref name="folder"/> and checks the SHA-256 of the ONNX file it names.
    /// </summary>
    /// <returns>The card and the full path of the verified ONNX file.</returns>
    /// <exception cref="FileNotFoundException">The card or the ONNX file is missing.</exception>
    /// <exception cref="InvalidDataException">The card is unreadable or the ONNX file's hash does not match.</exception>
    public static (ModelCard Card, string OnnxPath) LoadVerified(string folder)
    {
        var card = Load(folder);
        var onnxPath = Path.Combine(folder, card.Onnx.File);
        if (!File.Exists(onnxPath)) throw new FileNotFoundException($"model card names {onnxPath}, which is missing", onnxPath);
        var actual = Sha256Hex(onnxPath);
        if (!string.Equals(actual, card.Onnx.Sha256, StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"{onnxPath} has SHA-256 {actual}, but its model card says {card.Onnx.Sha256}; refusing to load");
        return (card, onnxPath);
    }

    /// <summary>Reads the card in <paramref name="folder"/> without checking the ONNX file it names (to tell a hash
    /// mismatch from other faults; load models with <see cref="LoadVerified"/>).</summary>
    /// <exception cref="FileNotFoundException">The card is missing.</exception>
    /// <exception cref="InvalidDataException">The card is empty.</exception>
    /// <exception cref="JsonException">The card is not valid JSON for a <see cref="ModelCard"/>.</exception>
    public static ModelCard Load(string folder)
    {
        var cardPath = Path.Combine(folder, FileName);
        if (!File.Exists(cardPath)) throw new FileNotFoundException($"no model card at {cardPath}", cardPath);
        return JsonSerializer.Deserialize<ModelCard>(File.ReadAllText(cardPath), Json)
               ?? throw new InvalidDataException($"{cardPath} is empty");
    }

    /// <summary>Lower-case hex SHA-256 (FIPS 180-4) of a file.</summary>
    public static string Sha256Hex(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
