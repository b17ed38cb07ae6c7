using Confluent.Kafka;
using Moderation.Core.Contracts;
using Moderation.Core.Imaging;
using Moderation.Streaming.Records;

namespace Moderation.Streaming.Worker;

/// <summary>Decodes a batch of posts into one float32 <c>[B,1,S,S]</c> buffer, accepted images first: in a loop on the
/// calling thread when <c>parallelism</c> is 1, else with up to that many threads.</summary>
internal sealed class BatchDecoder(IImagePreprocessor preprocessor, int parallelism)
{
    /// <summary>Floats per image, S·S (784 for the 28×28 models).</summary>
    public int PixelsPerImage { get; } = preprocessor.Size * preprocessor.Size;

    /// <summary>
    /// Decodes record i into slot i of <paramref name="buffer"/>, then compacts the accepted images to slots
    /// 0..Accepted−1 (in record order) so they can be scored in one call.
    /// </summary>
    /// <exception cref="Exception">The preprocessor threw something other than <see cref="ImageRejectedException"/> (a defect
    /// or a missing native library, not bad input); wrapped in an <see cref="AggregateException"/> when decoding in parallel.</exception>
    public DecodedBatch Decode(IReadOnlyList<ConsumeResult<byte[]?, byte[]?>> records, float[] buffer)
    {
        var pixels = PixelsPerImage;
        var rejections = new ImageRejectedException?[records.Count];
        if (parallelism <= 1 || records.Count == 1)
        {
            for (var i = 0; i < records.Count; i++)
            {
                rejections[i] = DecodeOne(records[i].Message, buffer.AsSpan(i * pixels, pixels));
            }
        }
        else
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
            Parallel.For(0, records.Count, options, i => rejections[i] = DecodeOne(records[i].Message, buffer.AsSpan(i * pixels, pixels)));
        }

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

    /// <summary>Decodes one post into <paramref name="image"/>; returns why it was rejected, or null.</summary>
    private ImageRejectedException? DecodeOne(Message<byte[]?, byte[]?> message, Span<float> image)
    {
        try
        {
            preprocessor.Preprocess(message.Value ?? [], PostRecords.Header(message.Headers, PostHeaders.ContentType), image);
            return null;
        }
        catch (ImageRejectedException e)
        {
            return e;
        }
    }
}
