using System.Text.Json.Serialization;
using Moderation.Core.Contracts;
using Moderation.Dashboard.Feed;

namespace Moderation.Dashboard.Serialization;

/// <summary>Source-generated System.Text.Json metadata of the dashboard's JSON (the verdict contract, the snapshot).
/// The default encoder escapes <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> and quotes as <c>\uXXXX</c>, so user-controlled
/// text never appears as markup in a response.</summary>
[JsonSourceGenerationOptions(WriteIndented = false, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(Verdict))]
[JsonSerializable(typeof(FlagFeedSnapshot))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
