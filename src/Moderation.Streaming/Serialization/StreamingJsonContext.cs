using System.Text.Json.Serialization;
using Moderation.Core.Contracts;

namespace Moderation.Streaming.Serialization;

/// <summary>Source-generated System.Text.Json metadata for the verdict contract (no reflection on the hot path).</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(Verdict))]
internal sealed partial class StreamingJsonContext : JsonSerializerContext;
