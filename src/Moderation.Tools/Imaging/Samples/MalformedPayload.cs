using Moderation.Imaging;

namespace Moderation.Tools.Imaging.Samples;

/// <summary>One labelled malformed post from <see cref="MalformedPayloads"/>.</summary>
/// <param name="Kind">What was done to it, one of <see cref="MalformedPayloadKinds"/> (e.g. <c>truncated-png</c>).</param>
/// <param name="Bytes">The record value as it would be posted: empty for <see cref="MalformedPayloadKinds.Empty"/>, just
/// over <see cref="ImagingOptions.MaxEncodedBytes"/> for <see cref="MalformedPayloadKinds.OverSize"/>, under 300 KB otherwise.</param>
/// <param name="ContentType">The <c>content-type</c> header to post with it, or null for none.</param>
/// <param name="ExpectedReason">The <see cref="Core.Contracts.DeadLetterReasons"/> value that
/// <see cref="ImagePreprocessor"/> (with the limits the payload was generated for) must reject it with.</param>
public sealed record MalformedPayload(string Kind, byte[] Bytes, string? ContentType, string ExpectedReason);
