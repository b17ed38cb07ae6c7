using System.Text.Json.Serialization;

namespace Moderation.Cli.Offline;

/// <summary>Source-generated JSON for <c>score</c>'s output lines (compact, nulls omitted).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FileOutcome))]
internal sealed partial class OfflineJsonContext : JsonSerializerContext;
