using System.Text.Json.Serialization;
using Moderation.Core.Contracts;

namespace Moderation.Streaming.Serialization;

/// <summary>Source-generated System.Text.Json metadata for the <see cref="Verdict"/> JSON of <see cref="Topics.Verdicts"/>
/// and <see cref="Topics.Flags"/> (no reflection on the hot path); <c>Default.Verdict</c> reads and writes it.</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(Verdict))]
public sealed partial class StreamingJsonContext : JsonSerializerContext;
