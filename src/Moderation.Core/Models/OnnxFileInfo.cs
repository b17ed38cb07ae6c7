using System.Text.Json.Serialization;

namespace Moderation.Core.Models;

/// <summary>The exported ONNX file a model card vouches for.</summary>
public sealed record OnnxFileInfo
{
    /// <summary>File name relative to the card's folder, e.g. <c>discriminator.onnx</c>.</summary>
    [JsonPropertyName("file")] public required string File { get; init; }
    /// <summary>Lower-case hex SHA-256 of the file's bytes; loading refuses a mismatch.</summary>
    [JsonPropertyName("sha256")] public required string Sha256 { get; init; }
    /// <summary>ONNX opset version of the default domain.</summary>
    [JsonPropertyName("opset")] public required int Opset { get; init; }
    /// <summary>Input name (<c>image</c>, float32 <c>[N,1,28,28]</c> in [−1,1]).</summary>
    [JsonPropertyName("input")] public required string Input { get; init; }
    /// <summary>Output names, e.g. <c>logit</c>, <c>features</c>, <c>anomaly_score</c>.</summary>
    [JsonPropertyName("outputs")] public required IReadOnlyList<string> Outputs { get; init; }
}
