using Moderation.Core.Imaging;

namespace Moderation.Streaming.Worker;

/// <summary>Result of <see cref="BatchDecoder.Decode"/>.</summary>
/// <param name="Slots">Per record: its image's row in the compacted buffer, or −1 when rejected.</param>
/// <param name="Rejections">Per record: why it was rejected, or null.</param>
/// <param name="Accepted">Number of images in the buffer (rows 0..Accepted−1).</param>
internal readonly record struct DecodedBatch(int[] Slots, ImageRejectedException?[] Rejections, int Accepted);
