using System.Text.Json.Serialization;
using Moderation.Core.Contracts;
using Moderation.Review.Endpoints;

namespace Moderation.Review.Serialization;

/// <summary>Source-generated System.Text.Json metadata of the review side's JSON. The default encoder escapes
/// <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> and quotes as <c>\uXXXX</c>, so user-controlled text never appears as markup in
/// a response.</summary>
[JsonSourceGenerationOptions(WriteIndented = false, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(Verdict))]
[JsonSerializable(typeof(DecisionRecord))]
[JsonSerializable(typeof(PostView))]
[JsonSerializable(typeof(QueueView))]
[JsonSerializable(typeof(SessionView))]
[JsonSerializable(typeof(DecisionRequest))]
internal sealed partial class ReviewJsonContext : JsonSerializerContext;
