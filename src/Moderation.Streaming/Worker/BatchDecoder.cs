using Confluent.Kafka;
using Moderation.Core.Contracts;
using Moderation.Core.Imaging;
using Moderation.Streaming.Records;

namespace Moderation.Streaming.Worker;

/// <summary>Decodes a batch of posts in parallel into one float32 <c>[B,1,S,S]</c> buffer, accepted images first.</summary>
internal sealed class BatchDecoder(IImagePreprocessor preprocessor, int parallelism)
{
    /// <summary>Floats per image, S·S (784 for the 28×28 models).</summary>
    public int PixelsPerImage { get; } = preprocessor.Size * preprocessor.Size;

    /// <summary>
    /// Decodes record i into slot i of <paramref name="buffer"/>, then compacts the accepted images to slots
    /// 0..Accepted−1 (in record order) so they can be scored in one call.
    /// </summary>
    /// <exception cref="AggregateException">The preprocessor threw something other than <see cref="ImageRejectedException"/>
    /// (a defect or a missing native library, not bad input).</exception>
    public DecodedBatch Decode(IReadOnlyList<ConsumeResult<byte[]?, byte[]?>> records, float[] buffer)
    {
        var pixels = PixelsPerImage;
        var rejections = new ImageRejectedException?[records.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
        Parallel.For(0, records.Count, options, i =>
        {
            var message = records[i].Message;
            var contentType = PostRecords.Header(message.Headers, PostHeaders.ContentType);
            try
            {
                preprocessor.Preprocess(message.Value ?? [], contentType, buffer.AsSpan(i * pixels, pixels));
            }
            catch (ImageRejectedException e)
            {
                rejections[i] = e;
            }
        });

        var slots = new int[records.Count];
        var accepted = 0;
        for (var i = 0; i < records.Count; i++)
        {
            if (rejections[i] is not null)
            {
                slots[i] = -1;
                continue;
            }

            if (accepted != i)
            {
                buffer.AsSpan(i * pixels, pixels).CopyTo(buffer.AsSpan(accepted * pixels, pixels));
            }

            slots[i] = accepted++;
        }

        return new DecodedBatch(slots, rejections, accepted);
    }
}
