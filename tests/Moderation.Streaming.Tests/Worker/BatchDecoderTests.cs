using Moderation.Core.Contracts;
using Moderation.Streaming.Tests.Support;
using Moderation.Streaming.Worker;

namespace Moderation.Streaming.Tests.Worker;

public sealed class BatchDecoderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Accepted_images_are_compacted_to_the_front_in_record_order_and_rejections_keep_their_reason(int parallelism)
    {
        var decoder = new BatchDecoder(new RawPixelPreprocessor(), parallelism);
        var records = new[]
        {
            Support.Records.Consumed("a", Filled(10)), Support.Records.Consumed("b", []),
            Support.Records.Consumed("c", Filled(200)), Support.Records.Consumed("d", [1, 2]),
            Support.Records.Consumed("e", null), Support.Records.Consumed("f", Filled(255)),
        };
        var buffer = new float[records.Length * RawPixelPreprocessor.Pixels];

        var decoded = decoder.Decode(records, buffer);

        Assert.Equal(3, decoded.Accepted);
        Assert.Equal([0, -1, 1, -1, -1, 2], decoded.Slots);
        Assert.Equal([null, DeadLetterReasons.Empty, null, DeadLetterReasons.Corrupt, DeadLetterReasons.Empty, null],
            decoded.Rejections.Select(r => r?.Reason));
        foreach (var (slot, level) in new[] { (0, 10), (1, 200), (2, 255) })
        {
            var image = buffer.AsSpan(slot * RawPixelPreprocessor.Pixels, RawPixelPreprocessor.Pixels).ToArray();
            Assert.All(image, pixel => Assert.Equal(level / 127.5f - 1f, pixel));
        }
    }

    private static byte[] Filled(byte level) => Enumerable.Repeat(level, RawPixelPreprocessor.Pixels).ToArray();
}
