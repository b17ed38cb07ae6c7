using System.Text.Json;
using System.Text.Json.Serialization;

namespace Moderation.Evaluation.Results;

/// <summary>Writes a number array on one line even in indented JSON (a 500-point curve stays one line, not 500).</summary>
internal sealed class InlineArrayConverter<T> : JsonConverter<IReadOnlyList<T>>
{
    private static readonly JsonSerializerOptions Compact = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public override IReadOnlyList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<T[]>(ref reader, Compact) ?? throw new JsonException("expected an array, got null");

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options) =>
        writer.WriteRawValue(JsonSerializer.Serialize(value.ToArray(), Compact), skipInputValidation: true);
}
